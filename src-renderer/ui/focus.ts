import { nextTick, onBeforeUnmount, onMounted, type Directive, type Ref } from 'vue'

/** What takes typing: a field neither hidden, disabled nor read-only. */
export const FIELD_SELECTOR =
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

/**
 * The page's next step takes the focus when it appears, so Enter goes on from the keyboard: the
 * first element inside `root` that `selector` finds, whenever one is there and nothing else has
 * the focus (a page opened by a scan, a button gone with the step it took). A step that appears
 * before the one it put the focus on (the answer to another request) takes it over; a field or
 * button the person went to keeps it.
 */
export function useFocusWhenIdle(root: Readonly<Ref<HTMLElement | undefined>>, selector: string): void {
  let observer: MutationObserver | undefined
  let placed: Element | null = null
  const focusStep = () => {
    const active = document.activeElement
    if (active && active !== document.body && active !== placed) return
    const step = root.value?.querySelector<HTMLElement>(selector)
    if (!step || step === active) return
    step.focus()
    placed = step
  }
  onMounted(() => {
    if (!root.value) return
    focusStep()
    observer = new MutationObserver(focusStep)
    observer.observe(root.value, { childList: true, subtree: true })
  })
  onBeforeUnmount(() => observer?.disconnect())
}
