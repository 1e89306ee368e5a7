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
  focusNextField(field)
}

/**
 * Puts the caret in the field that follows `field` in its form (fields shown now only). A row of
 * radio buttons counts as one field: the arrow keys choose within it, Enter leaves it.
 */
export function focusNextField(field: HTMLElement): void {
  const form = field.closest('form')
  if (!form) return
  const fields = Array.from(form.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter(
    (element) => element.offsetParent !== null
  )
  const radioRow = (element: HTMLElement | undefined) =>
    element instanceof HTMLInputElement && element.type === 'radio' ? element.name : null
  let next = fields.indexOf(field) + 1
  const row = radioRow(field)
  if (row !== null) while (radioRow(fields[next]) === row) next++
  const target = fields[next]
  // Into a row of radio buttons as Tab goes: onto the one chosen, if any.
  const targetRow = radioRow(target)
  const chosen =
    targetRow === null
      ? undefined
      : fields.find((element) => radioRow(element) === targetRow && (element as HTMLInputElement).checked)
  const landing = chosen ?? target
  landing?.focus()
}

/**
 * Pickers keep Enter to themselves: a date field opens its calendar on one Enter and closes it on
 * the next, a drop-down opens its list and waits there, so the caret never left them and
 * Ctrl+Enter never reached the form. Heard on the form before the field (`@keydown.capture`),
 * Enter in a picker moves on like any other field, except in a drop-down whose list is open (it
 * picks the highlighted entry; the next Enter moves on), and Ctrl+Enter submits. Leaving a date
 * field takes the date typed into it, as a click elsewhere does; the down arrow still opens a
 * picker.
 */
export function enterFromPicker(event: KeyboardEvent, submit: () => void): void {
  const field = event.target
  if (event.key !== 'Enter' || event.isComposing || event.altKey || event.shiftKey || event.metaKey) return
  if (!(field instanceof HTMLInputElement)) return
  const select = field.closest('.el-select') !== null
  if (!select && !field.closest('.el-date-editor')) return
  if (event.ctrlKey) {
    event.stopPropagation()
    event.preventDefault()
    field.blur()
    return submit()
  }
  if (select && field.getAttribute('aria-expanded') === 'true') return
  event.stopPropagation()
  advanceOnEnter(event)
}
