import { ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { fieldErrorsOf, showError, type FieldErrors } from './errors'

/**
 * The life of a form's submit button: one submission at a time, and any failure shown as a
 * message plus translated errors on the fields it names.
 */
export function useFormSubmit() {
  const busy = ref(false)
  const errors = ref<FieldErrors>({})

  async function submit(action: () => Promise<void>): Promise<void> {
    if (busy.value) return
    busy.value = true
    errors.value = {}
    try {
      await action()
    } catch (error) {
      errors.value = fieldErrorsOf(error)
      showError(error)
    } finally {
      busy.value = false
    }
  }

  return { busy, errors, submit }
}

/**
 * `useFormSubmit` for a dialog that closes once its save has gone through: `saveAndClose` runs
 * the save, shows the message it returns and closes the dialog; a failure leaves it open with
 * the reason, as `submit` does.
 */
export function useDialogSubmit(visible: Ref<boolean>) {
  const { busy, errors, submit } = useFormSubmit()

  function saveAndClose(action: () => Promise<string>): Promise<void> {
    return submit(async () => {
      const done = await action()
      ElMessage.success(done)
      visible.value = false
    })
  }

  return { busy, errors, saveAndClose }
}
