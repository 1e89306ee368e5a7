import { ref, type Ref } from 'vue'
import { useSearchAsYouType } from './useSearchAsYouType'

export interface SearchPickOptions<Item> {
  /** What is in the search box now. */
  query: () => string
  /** The items that answer one query. */
  search: (query: string) => Promise<Item[]>
  delayMs?: number
  onError?: (error: unknown) => void
}

/** The items shown, and the text they answer. */
export interface PickAnswer<Item> {
  query: string
  items: Item[]
}

/**
 * A search box whose Enter picks a result: search as you type, a highlighted row moved with the
 * arrow keys, and Enter that always picks from the answer to what is in the box NOW. A fast
 * typist presses Enter before the answer to the last keystroke has arrived; picking from the
 * list on screen then would choose the wrong customer, so Enter asks for the current text first.
 */
export function useSearchPick<Item>(options: SearchPickOptions<Item>) {
  const { query, search, delayMs, onError } = options
  const answer = ref({ query: '', items: [] }) as Ref<PickAnswer<Item>>
  const highlighted = ref(0)
  const { searching, run, cancel } = useSearchAsYouType<PickAnswer<Item>>({
    query,
    search: async (text) => ({ query: text, items: text.trim() === '' ? [] : await search(text) }),
    apply: (next) => {
      answer.value = next
      highlighted.value = 0
    },
    delayMs,
    onError
  })

  /** Moves the highlight down (1) or up (-1), staying inside the list. */
  function move(step: 1 | -1) {
    const last = answer.value.items.length - 1
    highlighted.value = Math.min(Math.max(highlighted.value + step, 0), Math.max(last, 0))
  }

  /** The item Enter picks: the highlighted one of the answer to the current text, if it has any. */
  async function pickOnEnter(): Promise<Item | undefined> {
    const text = query()
    if (text.trim() === '') return undefined
    if (answer.value.query !== text) await run(text)
    // Another keystroke may have come while asking: then nothing is picked, the list catches up.
    if (answer.value.query !== query()) return undefined
    return answer.value.items[highlighted.value]
  }

  /** Forgets the list (after a pick, or when the box is cleared). */
  function reset() {
    cancel()
    answer.value = { query: '', items: [] }
    highlighted.value = 0
  }

  return { answer, highlighted, searching, move, pickOnEnter, reset }
}
