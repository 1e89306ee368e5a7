const FIELD_SELECTOR =
  'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), select:not([disabled])'

/**
 * Enter in a single-line field moves the caret to the next field of the form instead of
 * submitting it; the field's own Enter handling (a lookup, a suggestion list) runs first.
 * Textareas keep Enter for new lines; buttons keep it for pressing.
 */
export function advanceOnEnter(event: KeyboardEvent): void {
  const field = event.target
  if (!(field instanceof HTMLInputElement) || event.isComposing) return
  event.preventDefault()
  const form = field.closest('form')
  if (!form) return
  const fields = Array.from(form.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter(
    (element) => element.offsetParent !== null
  )
  const next = fields[fields.indexOf(field) + 1]
  next?.focus()
}
