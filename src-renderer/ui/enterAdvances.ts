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

/** Checkboxes shown as one set of choices: an `el-checkbox-group`, or any element of role `group` around them. */
function checkboxGroup(element: EventTarget | undefined): Element | null {
  return element instanceof HTMLInputElement && element.type === 'checkbox' ? element.closest('[role=group]') : null
}

/** The set of choices a field belongs to, the caret's one stop: a row of radio buttons (by name) or a group of checkboxes. */
function choiceSet(element: HTMLElement | undefined): Element | string | null {
  if (element instanceof HTMLInputElement && element.type === 'radio') return element.name
  return checkboxGroup(element)
}

/**
 * Puts the caret in the field that follows `field` in its form (fields shown now only). A row of
 * radio buttons counts as one field, and so does a group of checkboxes: the arrow keys move within
 * it (`arrowWithinGroup` for the checkboxes), Enter leaves it.
 */
export function focusNextField(field: HTMLElement): void {
  const form = field.closest('form')
  if (!form) return
  const fields = Array.from(form.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter(
    (element) => element.offsetParent !== null
  )
  let next = fields.indexOf(field) + 1
  const set = choiceSet(field)
  if (set !== null) while (choiceSet(fields[next]) === set) next++
  const target = fields[next]
  // Into a row of radio buttons as Tab goes: onto the one chosen, if any (into checkboxes: the first).
  const targetRow = target instanceof HTMLInputElement && target.type === 'radio' ? target.name : null
  const chosen =
    targetRow === null
      ? undefined
      : fields.find((element) => choiceSet(element) === targetRow && (element as HTMLInputElement).checked)
  const landing = chosen ?? target
  landing?.focus()
}

const ARROW_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 }

/**
 * In a group of checkboxes the arrow keys move from box to box (round from the last to the
 * first), as they do in a row of radio buttons; Space ticks the box, Enter leaves the group.
 */
export function arrowWithinGroup(event: KeyboardEvent): void {
  const step = ARROW_STEPS[event.key]
  if (step === undefined || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return
  const group = checkboxGroup(event.target ?? undefined)
  if (!group) return
  const boxes = Array.from(group.querySelectorAll<HTMLInputElement>('input[type=checkbox]:not([disabled])'))
  const at = boxes.indexOf(event.target as HTMLInputElement)
  event.preventDefault()
  boxes[(at + step + boxes.length) % boxes.length]?.focus()
}

/**
 * A group of checkboxes is one stop for Tab, as a row of radio buttons is. The box the caret lands
 * on becomes the group's only Tab stop and the others leave the Tab order (the arrow keys reach
 * them, `arrowWithinGroup`): Tab then leaves the group, and Shift+Tab comes back to the box last
 * used. Heard as the caret moves in the form (`@focusin`).
 */
export function oneTabStopPerGroup(event: FocusEvent): void {
  const group = checkboxGroup(event.target ?? undefined)
  if (!group) return
  for (const box of group.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
    box.tabIndex = box === event.target ? 0 : -1
}

/**
 * Pickers keep Enter to themselves: a date field opens its calendar on one Enter and closes it on
 * the next, a drop-down opens its list and waits there, so the caret never left them and
 * Ctrl+Enter never reached the form. An on/off switch flips on Enter (Ctrl+Enter too), so a key
 * meant to move on or to save gave a customer's consent. Heard on the form before the field
 * (`@keydown.capture`), Ctrl+Enter in a picker or on a switch submits; with `advance` (a form whose
 * Enter moves on), Enter moves on like any other field, except in a drop-down whose list is open
 * (it picks the highlighted entry; the next Enter moves on). Space still flips a switch. Leaving
 * a date field takes the date typed into it, as a click elsewhere does; the down arrow still
 * opens a picker.
 */
export function enterFromPicker(event: KeyboardEvent, submit: () => void, { advance = true } = {}): void {
  const field = event.target
  if (event.key !== 'Enter' || event.isComposing || event.altKey || event.shiftKey || event.metaKey) return
  if (!(field instanceof HTMLInputElement)) return
  const select = field.closest('.el-select') !== null
  if (!select && !field.closest('.el-date-editor') && !field.closest('.el-switch')) return
  if (event.ctrlKey) {
    event.stopPropagation()
    event.preventDefault()
    field.blur()
    return submit()
  }
  if (!advance || (select && field.getAttribute('aria-expanded') === 'true')) return
  event.stopPropagation()
  advanceOnEnter(event)
}
