import { computed, reactive, toRef, watch } from 'vue'
import type { PagerList } from './ListPager.vue'

export const LOCAL_PAGE_SIZES = [20, 50, 100]

/**
 * Pages a list the server sends whole (a report of every part, every faulty part still owed):
 * the server answers such a list in milliseconds, but a table drawing thousands of rows freezes
 * the page for seconds. Only one page of rows is drawn, 20 by default as on a server-paged list
 * (about what the screen shows; even 50 Element Plus rows block the page for over 100 ms); the
 * pager is the same as a server-paged list's.
 */
export function useLocalPages<Row>(rows: () => readonly Row[], pageSize = LOCAL_PAGE_SIZES[0]!) {
  const state = reactive({ page: 1, pageSize })
  const total = computed(() => rows().length)
  // A shorter list (a refresh, a search) keeps the page inside it.
  watch(total, (count) => {
    const last = Math.max(1, Math.ceil(count / state.pageSize))
    if (state.page > last) state.page = last
  })
  const pageRows = computed(() => rows().slice((state.page - 1) * state.pageSize, state.page * state.pageSize))
  const pager: PagerList = reactive({
    page: toRef(state, 'page'),
    pageSize: toRef(state, 'pageSize'),
    total,
    showPage: async (page: number) => {
      state.page = page
    },
    resize: async (size: number) => {
      state.pageSize = size
      state.page = 1
    }
  })
  return { pageRows, pager }
}
