import { nextTick, type Directive } from 'vue'

const FIELD_SELECTOR =
  'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), select:not([disabled])'

/**
 * Puts the caret in the first field of a form, so typing can start at once. A field the person
 * already clicked into while the form was still appearing keeps the focus: taking it away would
 * close an open drop-down and send their typing elsewhere.
 */
export function focusFirstField(root: Element | null | undefined): void {
  const active = document.activeElement
  if (root && active && active !== root && root.contains(active)) return
  const field = root?.querySelector<HTMLElement>(FIELD_SELECTOR)
  field?.focus()
}

/** `v-focus-first` on a form container focuses its first field when it appears. */
export const vFocusFirst: Directive<HTMLElement> = {
  mounted(element) {
    void nextTick(() => focusFirstField(element))
  }
}
