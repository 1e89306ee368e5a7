import { ref } from 'vue'
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
