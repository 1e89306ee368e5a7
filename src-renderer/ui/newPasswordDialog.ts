import { reactive, type MaybeRefOrGetter, type Ref } from 'vue'
import { useDialogForm } from './dialogForm'
import { passwordMismatch } from './passwords'

const BLANK = { currentPassword: '', newPassword: '', confirmPassword: '' }

/**
 * What a dialog that sets a new password does (the person's own, or one a manager resets):
 * empty fields each time it opens, the two copies of the new password compared before anything
 * is sent, one save at a time, and on success the message `send` answers and the dialog closed.
 * `send` is given the new password and the current one.
 */
export function useNewPasswordDialog(
  visible: Ref<boolean>,
  steps: { title: MaybeRefOrGetter<string>; send: (newPassword: string, currentPassword: string) => Promise<string> }
) {
  const form = reactive({ ...BLANK })
  const { errors, dialog } = useDialogForm(visible, {
    title: steps.title,
    open: () => Object.assign(form, BLANK),
    save: () => {
      const mismatch = passwordMismatch(form.newPassword, form.confirmPassword, 'confirmPassword')
      if (!mismatch) return steps.send(form.newPassword, form.currentPassword)
      errors.value = mismatch
      return Promise.resolve(false)
    }
  })

  return { form, errors, dialog }
}
