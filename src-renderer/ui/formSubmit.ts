import { nextTick, ref } from 'vue'
import { fieldErrorsOf, showError, type FieldErrors } from './errors'
import { FIELD_SELECTOR } from './focus'

/**
 * After a refusal the caret goes to the first field marked in red (in the form's order), so the
 * desk types the correction at once instead of hunting for it; nowhere else is it moved.
 */
async function focusFirstFieldInError(form: Element | null): Promise<void> {
  await nextTick()
  const field = (form ?? document).querySelector('.el-form-item.is-error')?.querySelector<HTMLElement>(FIELD_SELECTOR)
  if (!field) return
  // Mid-screen, with its message under it, rather than at the edge under the page's header.
  field.scrollIntoView?.({ block: 'center' })
  field.focus({ preventScroll: true })
}

/**
 * The life of a form's submit button: one submission at a time, and any failure shown as a
 * message plus translated errors on the fields it names, the caret in the first of them.
 */
export function useFormSubmit() {
  const busy = ref(false)
  const errors = ref<FieldErrors>({})

  async function submit(action: () => Promise<void>): Promise<void> {
    if (busy.value) return
    busy.value = true
    errors.value = {}
    // The form being sent: the one the caret (or the pressed button) is in.
    const form = document.activeElement?.closest('form') ?? null
    try {
      await action()
    } catch (error) {
      errors.value = fieldErrorsOf(error)
      showError(error)
      if (Object.keys(errors.value).length > 0) await focusFirstFieldInError(form)
    } finally {
      busy.value = false
    }
  }

  return { busy, errors, submit }
}
