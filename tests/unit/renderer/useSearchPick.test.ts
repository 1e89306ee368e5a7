import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'

vi.mock('../../../src-renderer/ui/errors', () => ({ showError: vi.fn() }))
const { useSearchPick } = await import('../../../src-renderer/ui/useSearchPick')

/** A search whose answers the test hands out when it likes. */
function controlledSearch() {
  const pending = new Map<string, (rows: string[]) => void>()
  const search = vi.fn((query: string) => new Promise<string[]>((resolve) => pending.set(query, resolve)))
  return { search, answer: (query: string, rows: string[]) => pending.get(query)!(rows) }
}

describe('useSearchPick: Enter picks from the answer to what is typed now', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setUp() {
    const query = ref('')
    const { search, answer } = controlledSearch()
    const picker = effectScope().run(() => useSearchPick({ query: () => query.value, search, onError: vi.fn() }))!
    return { query, search, answer, picker }
  }

  async function type(query: { value: string }, text: string) {
    query.value = text
    await nextTick()
  }

  it('a fast typist: Enter before the last keystroke was answered picks from the new answer, not the stale list', async () => {
    const { query, search, answer, picker } = setUp()
    await type(query, '8')
    vi.advanceTimersByTime(200)
    answer('8', ['contains-8', 'also-8'])
    await vi.waitFor(() => expect(picker.answer.value.query).toBe('8'))
    // "8000" typed and Enter pressed at once: the list on screen still answers "8".
    await type(query, '8000')
    const picked = picker.pickOnEnter()
    expect(search).toHaveBeenLastCalledWith('8000')
    answer('8000', ['ends-8000', 'contains-8000'])
    expect(await picked).toBe('ends-8000')
  })

  it('picks the highlighted row, moved with the arrow keys and kept inside the list', async () => {
    const { query, answer, picker } = setUp()
    await type(query, 'zs')
    vi.advanceTimersByTime(200)
    answer('zs', ['a', 'b', 'c'])
    await vi.waitFor(() => expect(picker.answer.value.items).toHaveLength(3))
    picker.move(1)
    picker.move(1)
    picker.move(1)
    expect(await picker.pickOnEnter()).toBe('c')
    picker.move(-1)
    expect(await picker.pickOnEnter()).toBe('b')
  })

  it('picks nothing when the text changed again while Enter was asking, or when the answer is empty', async () => {
    const { query, answer, picker } = setUp()
    await type(query, '13')
    const picked = picker.pickOnEnter()
    await type(query, '139')
    answer('13', ['x'])
    expect(await picked).toBeUndefined()
    const empty = picker.pickOnEnter()
    answer('139', [])
    expect(await empty).toBeUndefined()
  })
})
