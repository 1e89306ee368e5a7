import { onBeforeUnmount, onMounted } from 'vue'

const ROW = 'tr.el-table__row'

/**
 * Rows that open their record can be reached and opened from the keyboard, as a click opens them:
 * each row takes the focus (Tab), the arrow keys move it to the row above or below, and Enter
 * opens the focused row by clicking it, so the table's own row-click hands over the right record
 * whatever order the rows are drawn in. Rows the table draws later (a new page, a refresh) are
 * made focusable as they appear.
 */
export function useKeyboardRows(root: { readonly value: HTMLElement | undefined }, enabled: () => boolean): void {
  let table: HTMLElement | undefined
  let observer: MutationObserver | undefined
  const markRows = (element: HTMLElement) => {
    for (const row of element.querySelectorAll<HTMLElement>(ROW)) {
      if (!row.hasAttribute('tabindex')) row.tabIndex = 0
    }
  }
  const onKeydown = (event: KeyboardEvent) => {
    const row = event.target instanceof HTMLElement ? event.target : null
    if (!row?.matches(ROW) || !enabled()) return
    if (event.key === 'Enter') {
      event.preventDefault()
      row.click()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling
      if (next instanceof HTMLElement && next.matches(ROW)) {
        event.preventDefault()
        next.focus()
      }
    }
  }
  onMounted(() => {
    if (!root.value || !enabled()) return
    const element = (table = root.value)
    markRows(element)
    observer = new MutationObserver(() => markRows(element))
    observer.observe(element, { childList: true, subtree: true })
    element.addEventListener('keydown', onKeydown)
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    table?.removeEventListener('keydown', onKeydown)
  })
}
