import { ref, type Ref } from 'vue'
import type { Page } from '../../src-shared/contract'

export interface PagedList<T> {
  rows: Ref<T[]>
  total: Ref<number>
  /** More rows match than `total` counts (the server stopped counting): "more than {total}". */
  more: Ref<boolean>
  loading: Ref<boolean>
  page: Ref<number>
  pageSize: Ref<number>
  /** Loads the current page; failures are thrown to the caller to show. */
  load(): Promise<void>
  /** After a filter changes: back to page 1, then load. */
  reloadFromFirstPage(): Promise<void>
  /** Another page of the same list. */
  showPage(page: number): Promise<void>
  /** Another number of rows a page: back to page 1. */
  resize(pageSize: number): Promise<void>
  /** Waits for a record being created, then loads the page again if the list is on screen, to show it. */
  refreshAfter<R>(saving: Promise<R>): Promise<R>
}

/** Server-side paging state for a list screen; the server filters, sorts and counts. */
export function usePagedList<T>(
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
  pageSize = 20
): PagedList<T> {
  const list = {
    rows: ref([]) as Ref<T[]>,
    total: ref(0),
    more: ref(false),
    loading: ref(false),
    page: ref(1),
    pageSize: ref(pageSize)
  }
  async function load(): Promise<void> {
    list.loading.value = true
    try {
      const result = await fetchPage(list.page.value, list.pageSize.value)
      list.rows.value = result.rows
      list.total.value = result.total
      list.more.value = result.more === true
    } finally {
      list.loading.value = false
    }
  }
  async function reloadFromFirstPage(): Promise<void> {
    list.page.value = 1
    await load()
  }
  async function showPage(page: number): Promise<void> {
    list.page.value = page
    await load()
  }
  async function resize(pageSize: number): Promise<void> {
    list.pageSize.value = pageSize
    await reloadFromFirstPage()
  }
  async function refreshAfter<R>(saving: Promise<R>): Promise<R> {
    const saved = await saving
    if (list.rows.value.length > 0) await load()
    return saved
  }
  return { ...list, load, reloadFromFirstPage, showPage, resize, refreshAfter }
}

/** The one row a search found, when it found exactly one: Enter on a list page opens it. */
export function soleRowOf<T>(rows: readonly T[]): T | undefined {
  return rows.length === 1 ? rows[0] : undefined
}
