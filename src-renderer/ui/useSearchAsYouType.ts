import { onScopeDispose, ref, watch } from 'vue'
import { showError } from './errors'

export interface SearchAsYouTypeOptions<Answer> {
  /** What the person types; each change asks again after a short pause. Leave out to ask only through `run`. */
  query?: () => string
  /** Asks for the answer to one query. */
  search: (query: string) => Promise<Answer>
  /** Shows an answer; only ever called with the answer to the newest question. */
  apply?: (answer: Answer) => void
  /** How long typing must pause before a question is asked. */
  delayMs?: number
  /** How a failed search is shown; a translated message by default. */
  onError?: (error: unknown) => void
}

export const SEARCH_DELAY_MS = 200

/**
 * Search as you type: wait for a short pause in typing, then ask once. Answers can arrive out of
 * order (a short query is often slower than the longer one typed after it), so each question
 * gets a number and only the newest one's answer is shown; an older one arriving late is
 * dropped instead of replacing the list the person is looking at.
 */
export function useSearchAsYouType<Answer>(options: SearchAsYouTypeOptions<Answer>) {
  const { query, search, apply, delayMs = SEARCH_DELAY_MS, onError = showError } = options
  const searching = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0

  /** Forgets a question still waiting for the pause in typing. */
  function cancel() {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  /** Asks now; whatever was asked before and is still on its way will not be shown. */
  async function run(text = query?.() ?? ''): Promise<void> {
    cancel()
    const ticket = ++latest
    searching.value = true
    try {
      const answer = await search(text)
      if (ticket === latest) apply?.(answer)
    } catch (error) {
      if (ticket === latest) onError(error)
    } finally {
      if (ticket === latest) searching.value = false
    }
  }

  if (query) {
    watch(query, () => {
      cancel()
      timer = setTimeout(() => {
        timer = undefined
        void run()
      }, delayMs)
    })
  }
  onScopeDispose(cancel)

  return { searching, run, cancel }
}
