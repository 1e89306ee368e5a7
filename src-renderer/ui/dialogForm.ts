import { type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { onDialogOpening } from './dialog'
import { useFormSubmit } from './formSubmit'

/**
 * What a dialog's save answers once it has gone through: the message to show as the dialog
 * closes, nothing to close it quietly (the save has said its piece itself), or `false` to leave
 * it open as it is (a check of its own failed, the user thought better of it, or what the save
 * started takes the screen away by itself).
 */
export type DialogSaved = string | false | void

/** What `FormDialog`'s submit button drives: whether a save is under way, and the press itself. */
export interface DialogSubmission {
  busy: Readonly<Ref<boolean>>
  submit: () => Promise<void>
}

/**
 * The life every form dialog shares, for `<FormDialog :submission>`: as the dialog opens the errors of
 * last time go and `open` fills the fields; a press of the submit button runs `save` once at a
 * time, shows what it answers and closes the dialog; a failure leaves it open with the reason
 * and the errors on the fields it names (`errors`, for the dialog's `el-form-item :error`).
 */
export function useDialogForm(visible: Ref<boolean>, steps: { open?: () => void; save: () => Promise<DialogSaved> }) {
  const { busy, errors, submit } = useFormSubmit()

  onDialogOpening(visible, () => {
    errors.value = {}
    steps.open?.()
  })

  const submission: DialogSubmission = {
    busy,
    submit: () =>
      submit(async () => {
        const saved = await steps.save()
        if (saved === false) return
        if (saved) ElMessage.success(saved)
        visible.value = false
      })
  }

  return { errors, submission }
}
