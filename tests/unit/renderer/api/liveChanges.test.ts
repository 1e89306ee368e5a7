// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChangeNotice } from '../../../../src-shared/liveChanges'
import type { LiveChangeMessage } from '../../../../src-shared/bridge'

/** A stand-in for the browser's EventSource, driven by the test. */
class FakeEventSource {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2
  static opened: FakeEventSource[] = []
  readyState = FakeEventSource.CONNECTING
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>()

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this)
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED
  }

  emit(type: string, data = ''): void {
    if (type === 'open') this.readyState = FakeEventSource.OPEN
    if (type === 'error') this.readyState = FakeEventSource.CONNECTING
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }))
  }

  changes(...changes: ChangeNotice[]): void {
    this.emit('changes', JSON.stringify({ changes }))
  }
}

async function loadClient() {
  vi.resetModules()
  return import('../../../../src-renderer/api/liveChanges')
}

describe('the live-change client', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    FakeEventSource.opened = []
    vi.stubGlobal('EventSource', FakeEventSource)
    sessionStorage.setItem('service-center.token', 'token-1')
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
    delete (window as { serviceCenter?: unknown }).serviceCenter
    sessionStorage.clear()
  })

  it('opens one stream with the session token and refreshes, once, only the screens whose entities changed', async () => {
    const { onChanges } = await loadClient()
    const queue = vi.fn()
    const customers = vi.fn()
    const stopQueue = onChanges(['part_request', 'work_order'], queue)
    const stopCustomers = onChanges(['customer'], customers)
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual(['/events?token=token-1'])
    const stream = FakeEventSource.opened[0]!
    stream.emit('open')

    stream.changes({ entity: 'part_request', id: 'r1' }, { entity: 'work_order', id: 'w1' })
    stream.changes({ entity: 'work_order', id: 'w1' })
    await vi.advanceTimersByTimeAsync(100)
    expect(queue).toHaveBeenCalledTimes(1)
    expect(customers).not.toHaveBeenCalled()

    stopQueue()
    stopCustomers()
    expect(stream.readyState).toBe(FakeEventSource.CLOSED)
  })

  it("a record's page refreshes for its own record only, or a batch too large to name the records", async () => {
    const { onChanges } = await loadClient()
    const job = vi.fn()
    const stop = onChanges(
      ['work_order', 'invoice'],
      job,
      (change) => change.entity !== 'work_order' || change.id === 'w1'
    )
    const stream = FakeEventSource.opened[0]!
    stream.emit('open')

    stream.changes({ entity: 'work_order', id: 'w2' })
    await vi.advanceTimersByTimeAsync(100)
    expect(job).not.toHaveBeenCalled()
    stream.changes({ entity: 'work_order', id: 'w1' })
    await vi.advanceTimersByTimeAsync(100)
    expect(job).toHaveBeenCalledTimes(1)
    stream.changes({ entity: 'invoice', id: 'i9' })
    await vi.advanceTimersByTimeAsync(100)
    stream.changes({ entity: 'work_order', id: null })
    await vi.advanceTimersByTimeAsync(100)
    expect(job).toHaveBeenCalledTimes(3)
    stop()
  })

  it('refreshes every screen when a dropped stream comes back, since changes were missed meanwhile', async () => {
    const { onChanges } = await loadClient()
    const queue = vi.fn()
    const stop = onChanges(['part_request'], queue)
    const stream = FakeEventSource.opened[0]!
    stream.emit('open')
    stream.emit('error')
    stream.emit('open')
    await vi.advanceTimersByTimeAsync(100)
    expect(queue).toHaveBeenCalledTimes(1)
    stop()
  })

  it('without an event stream (the desktop shell) refreshes every 30 s, never sooner', async () => {
    ;(window as { serviceCenter?: unknown }).serviceCenter = { call: vi.fn() }
    const { onChanges, FALLBACK_REFRESH_MS } = await loadClient()
    const board = vi.fn()
    const stop = onChanges(['work_order'], board)
    expect(FakeEventSource.opened).toEqual([])
    await vi.advanceTimersByTimeAsync(FALLBACK_REFRESH_MS - 1_000)
    expect(board).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1_100)
    expect(board).toHaveBeenCalledTimes(1)
    stop()
    await vi.advanceTimersByTimeAsync(FALLBACK_REFRESH_MS * 2)
    expect(board).toHaveBeenCalledTimes(1)
  })

  it("inside the desktop shell follows the shell's relay, and refreshes all when it comes back after a drop", async () => {
    const relays: Array<{ token: string; send: (message: LiveChangeMessage) => void; stopped: boolean }> = []
    ;(window as { serviceCenter?: unknown }).serviceCenter = {
      call: vi.fn(),
      watchChanges: (token: string, send: (message: LiveChangeMessage) => void) => {
        const relay = { token, send, stopped: false }
        relays.push(relay)
        return () => (relay.stopped = true)
      }
    }
    const { onChanges, FALLBACK_REFRESH_MS } = await loadClient()
    const queue = vi.fn()
    const stop = onChanges(['part_request'], queue)
    expect(FakeEventSource.opened).toEqual([])
    expect(relays.map((relay) => relay.token)).toEqual(['token-1'])
    const relay = relays[0]!
    relay.send({ kind: 'open' })
    relay.send({ kind: 'changes', batch: { changes: [{ entity: 'part_request', id: 'r1' }] } })
    await vi.advanceTimersByTimeAsync(100)
    expect(queue).toHaveBeenCalledTimes(1)
    // Open: no fallback refresh.
    await vi.advanceTimersByTimeAsync(FALLBACK_REFRESH_MS + 100)
    expect(queue).toHaveBeenCalledTimes(1)
    relay.send({ kind: 'dropped' })
    relay.send({ kind: 'open' })
    await vi.advanceTimersByTimeAsync(100)
    expect(queue).toHaveBeenCalledTimes(2)
    stop()
    expect(relay.stopped).toBe(true)
  })
})
