import { describe, expect, it, vi } from 'vitest'

const shown: unknown[] = []
vi.mock('../../../../src-renderer/ui/errors', () => ({ showError: (error: unknown) => shown.push(error) }))

const { useBusyAction } = await import('../../../../src-renderer/ui/busyAction')

describe('an action started from a page', () => {
  it('is busy while it runs, and shows its failure instead of throwing it', async () => {
    const { busy, run } = useBusyAction()
    let finish: () => void = () => undefined
    const running = run(() => new Promise<void>((resolve) => (finish = resolve)))
    expect(busy.value).toBe(true)
    finish()
    await running
    expect(busy.value).toBe(false)

    const failure = new Error('offline')
    await run(() => Promise.reject(failure))
    expect(busy.value).toBe(false)
    expect(shown).toEqual([failure])
  })
})
