import { reactive, type Ref } from 'vue'
import { onDialogOpening } from './dialog'
import { useDialogSubmit } from './formSubmit'
import { passwordMismatch } from './passwords'

/**
 * What a dialog that sets a new password does (the person's own, or one a manager resets):
 * empty fields each time it opens, the two copies of the new password compared before anything
 * is sent, one save at a time, and on success a message and the dialog closed.
 */
export function useNewPasswordDialog(visible: Ref<boolean>) {
  const form = reactive({ currentPassword: '', newPassword: '', confirmPassword: '' })
  const { busy, errors, saveAndClose } = useDialogSubmit(visible)

  onDialogOpening(visible, () => {
    Object.assign(form, { currentPassword: '', newPassword: '', confirmPassword: '' })
    errors.value = {}
  })

  /** Sends the new password with `send`, then says `doneMessage` and closes. */
  function save(send: (newPassword: string) => Promise<unknown>, doneMessage: () => string): void {
    const mismatch = passwordMismatch(form.newPassword, form.confirmPassword, 'confirmPassword')
    if (mismatch) return void (errors.value = mismatch)
    void saveAndClose(async () => {
      await send(form.newPassword)
      return doneMessage()
    })
  }

  return { form, busy, errors, save }
}
