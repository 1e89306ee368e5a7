import { onBeforeUnmount, onMounted } from 'vue'

const ROW = 'tr.el-table__row'

/**
 * Rows that open their record can be reached and opened from the keyboard, as a click opens them.
 * The table is one stop for Tab (the row last on, else the first), so Tab still crosses a page of
 * fifty rows in one step; the arrow keys move between rows, and Enter opens the row by clicking
 * it, so the table's own row-click hands over the right record whatever order the rows are drawn
 * in. Rows the table draws later (a new page, a refresh) join as they appear.
 */
export function useKeyboardRows(root: { readonly value: HTMLElement | undefined }, enabled: () => boolean): void {
  let table: HTMLElement | undefined
  let observer: MutationObserver | undefined
  // Only this table's rows: a table inside a row (an expanded one) keeps its own.
  const rowsOf = (element: HTMLElement) =>
    [...element.querySelectorAll<HTMLElement>(ROW)].filter((row) => row.closest('.el-table') === element)
  const ownRow = (target: EventTarget | null) =>
    table && target instanceof HTMLElement && target.matches(ROW) && target.closest('.el-table') === table
      ? target
      : null
  /** Makes `current` the table's one Tab stop (or keeps the one it has, else the first row). */
  const markRows = (current?: HTMLElement) => {
    if (!table) return
    const rows = rowsOf(table)
    const stop = current ?? rows.find((row) => row.tabIndex === 0) ?? rows[0]
    for (const row of rows) row.tabIndex = row === stop ? 0 : -1
  }
  const onFocusin = (event: FocusEvent) => {
    const row = ownRow(event.target)
    if (row) markRows(row)
  }
  const onKeydown = (event: KeyboardEvent) => {
    const row = ownRow(event.target)
    if (!row || !enabled() || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return
    if (event.key === 'Enter') {
      event.preventDefault()
      // A held-down Enter would open the same record again and again.
      if (!event.repeat) row.click()
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
    table = root.value
    markRows()
    observer = new MutationObserver(() => markRows())
    observer.observe(table, { childList: true, subtree: true })
    table.addEventListener('keydown', onKeydown)
    table.addEventListener('focusin', onFocusin)
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    table?.removeEventListener('keydown', onKeydown)
    table?.removeEventListener('focusin', onFocusin)
  })
}
