import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'

// The default error display needs the app's i18n and Element Plus; these tests pass their own.
vi.mock('../../../src-renderer/ui/errors', () => ({ showError: vi.fn() }))
const { useSearchAsYouType } = await import('../../../src-renderer/ui/useSearchAsYouType')

/** A search whose answers the test hands out, in whatever order it likes. */
function controlledSearch() {
  const pending = new Map<string, { resolve: (rows: string[]) => void; reject: (error: Error) => void }>()
  const search = vi.fn(
    (query: string) =>
      new Promise<string[]>((resolve, reject) => {
        pending.set(query, { resolve, reject })
      })
  )
  return { search, answer: (query: string, rows: string[]) => pending.get(query)!.resolve(rows), pending }
}

describe('useSearchAsYouType', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setUp(delayMs = 200) {
    const query = ref('')
    const shown = ref<string[]>([])
    const onError = vi.fn()
    const { search, answer, pending } = controlledSearch()
    const scope = effectScope()
    const searcher = scope.run(() =>
      useSearchAsYouType({ query: () => query.value, search, apply: (rows) => (shown.value = rows), delayMs, onError })
    )!
    return { query, shown, onError, search, answer, pending, scope, searcher }
  }

  it('asks once, after typing pauses for the delay', async () => {
    const { query, search } = setUp()
    query.value = 'z'
    await nextTick()
    vi.advanceTimersByTime(150)
    query.value = 'zs'
    await nextTick()
    vi.advanceTimersByTime(150)
    query.value = 'zsf'
    await nextTick()
    vi.advanceTimersByTime(199)
    expect(search).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(search).toHaveBeenCalledTimes(1)
    expect(search).toHaveBeenCalledWith('zsf')
  })

  it('never shows an older answer over a newer one, whichever arrives last', async () => {
    const { query, shown, search, answer, searcher } = setUp()
    query.value = 'z'
    await nextTick()
    vi.advanceTimersByTime(200)
    query.value = 'zsf'
    await nextTick()
    vi.advanceTimersByTime(200)
    expect(search).toHaveBeenCalledTimes(2)

    answer('zsf', ['张三丰'])
    await vi.runAllTimersAsync()
    expect(shown.value).toEqual(['张三丰'])
    expect(searcher.searching.value).toBe(false)

    // The slow answer to the first keystroke comes in late: it is dropped.
    answer('z', ['张三丰', '赵四', '郑五'])
    await vi.runAllTimersAsync()
    expect(shown.value).toEqual(['张三丰'])
  })

  it('is searching until the newest answer is in', async () => {
    const { searcher, answer } = setUp()
    const first = searcher.run('a')
    const second = searcher.run('ab')
    expect(searcher.searching.value).toBe(true)
    answer('a', ['old'])
    await first
    expect(searcher.searching.value).toBe(true)
    answer('ab', ['new'])
    await second
    expect(searcher.searching.value).toBe(false)
  })

  it('run asks at once and forgets the question waiting for the pause', async () => {
    const { query, search, searcher, answer, shown } = setUp()
    query.value = 'abc'
    await nextTick()
    const now = searcher.run()
    expect(search).toHaveBeenCalledWith('abc')
    answer('abc', ['x'])
    await now
    vi.advanceTimersByTime(1000)
    expect(search).toHaveBeenCalledTimes(1)
    expect(shown.value).toEqual(['x'])
  })

  it("reports the newest question's failure, not a superseded one's", async () => {
    const { searcher, onError, pending } = setUp()
    const first = searcher.run('a')
    const second = searcher.run('ab')
    pending.get('a')!.reject(new Error('failed a'))
    await first
    expect(onError).not.toHaveBeenCalled()
    pending.get('ab')!.reject(new Error('failed ab'))
    await second
    expect(onError).toHaveBeenCalledWith(new Error('failed ab'))
    expect(searcher.searching.value).toBe(false)
  })

  it('asks nothing once its component is gone', async () => {
    const { query, search, scope } = setUp()
    query.value = 'abc'
    await nextTick()
    scope.stop()
    vi.advanceTimersByTime(1000)
    expect(search).not.toHaveBeenCalled()
  })
})
