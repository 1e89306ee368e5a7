import { type MaybeRefOrGetter, type Ref } from 'vue'
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

/** A dialog's submit button: its text ("Save" when not given), colour, when it is off, and its `data-test`. */
export interface DialogSubmitButton {
  label?: MaybeRefOrGetter<string>
  type?: MaybeRefOrGetter<'primary' | 'danger'>
  disabled?: MaybeRefOrGetter<boolean>
  test?: string
}

/**
 * All `FormDialog` needs of a dialog that saves by itself, handed over as one `:form`: whether
 * it is open (and `close` for Cancel), its save, its title and its submit button.
 */
export interface DialogForm {
  visible: Readonly<Ref<boolean>>
  close: () => void
  submission: DialogSubmission
  title?: MaybeRefOrGetter<string>
  submit?: DialogSubmitButton
}

/** What a dialog tells `useDialogForm`: what it is called and what its button says, and how it fills and saves its form. */
export interface DialogFormSteps {
  title?: MaybeRefOrGetter<string>
  submit?: DialogSubmitButton
  open?: () => void
  save: () => Promise<DialogSaved>
}

/**
 * The life every form dialog shares, for `<FormDialog :form>`: as the dialog opens the errors of
 * last time go and `open` fills the fields; a press of the submit button runs `save` once at a
 * time, shows what it answers and closes the dialog; a failure leaves it open with the reason
 * and the errors on the fields it names (`errors`, for the dialog's `el-form-item :error`).
 * `dialog` is what the template passes to `FormDialog` (`submission`, its save alone, is for tests).
 */
export function useDialogForm(visible: Ref<boolean>, steps: DialogFormSteps) {
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
  const close = () => (visible.value = false)
  const dialog: DialogForm = { visible, close, submission, title: steps.title, submit: steps.submit }

  return { errors, submission, dialog }
}
