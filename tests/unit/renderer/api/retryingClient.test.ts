// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type FetchCall = [string, { headers: Record<string, string>; body: string }]

const answered = (data: unknown) =>
  Promise.resolve(new Response(JSON.stringify({ ok: true, data }), { headers: { 'Content-Type': 'application/json' } }))

async function loadClient() {
  vi.resetModules()
  const client = await import('../../../../src-renderer/api/client')
  const connection = await import('../../../../src-renderer/api/connection')
  return { ...client, ...connection }
}

describe('the api client when the shop server cannot be reached', () => {
  const fetchMock = vi.fn()
  beforeEach(() => {
    vi.useFakeTimers()
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
    sessionStorage.setItem('service-center.token', 'token-1')
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
    sessionStorage.clear()
    localStorage.clear()
  })

  it('keeps the write waiting, says since when, and retries it with the same request id until it is applied', async () => {
    const { call, shopServerConnection, RETRY_MS } = await loadClient()
    let serverUp = false
    fetchMock.mockImplementation(() =>
      serverUp ? answered({ id: 'c-1' }) : Promise.reject(new TypeError('Failed to fetch'))
    )
    vi.setSystemTime(new Date('2026-01-23T02:42:00.000Z'))

    let saved: unknown
    const saving = call('customers.create', { name: '李四', mobile: '13800138000' }).then((data) => (saved = data))
    await vi.advanceTimersByTimeAsync(0)
    expect(shopServerConnection.unreachableSince).toBe('2026-01-23T02:42:00.000Z')
    expect(saved).toBeUndefined()

    await vi.advanceTimersByTimeAsync(RETRY_MS * 2 + 10)
    expect(saved).toBeUndefined()
    serverUp = true
    await vi.advanceTimersByTimeAsync(RETRY_MS + 10)
    await saving
    expect(saved).toEqual({ id: 'c-1' })
    expect(shopServerConnection.unreachableSince).toBeNull()

    const calls = fetchMock.mock.calls as FetchCall[]
    const writes = calls.filter(([url]) => url === '/rpc/customers.create')
    expect(writes.length).toBeGreaterThanOrEqual(3)
    const ids = writes.map(([, init]) => init.headers['X-Request-Id'])
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(new Set(ids).size).toBe(1)
    expect(writes.every(([, init]) => init.body === writes[0]![1].body)).toBe(true)
  })

  it('gives each new call its own request id, and sends the desk credential when the desk has one', async () => {
    const { call } = await loadClient()
    localStorage.setItem('service-center.desk-credential', 'desk-secret')
    fetchMock.mockImplementation(() => answered({}))
    await call('customers.create', { name: '李四', mobile: '13800138000' })
    await call('customers.create', { name: '王五', mobile: '13800138001' })
    const headers = (fetchMock.mock.calls as FetchCall[]).map(([, init]) => init.headers)
    expect(headers[0]!['X-Request-Id']).not.toBe(headers[1]!['X-Request-Id'])
    expect(headers.map((header) => header['X-Desk-Credential'])).toEqual(['desk-secret', 'desk-secret'])
  })

  it('notices the server is back while no call is under way', async () => {
    const { call, shopServerConnection, RETRY_MS } = await loadClient()
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockImplementation(() => answered({}))
    // A read that fails once, then the probe finds the server again.
    const reading = call('setup.status', {})
    await vi.advanceTimersByTimeAsync(0)
    expect(shopServerConnection.unreachableSince).not.toBeNull()
    await vi.advanceTimersByTimeAsync(RETRY_MS + 10)
    await reading
    expect(shopServerConnection.unreachableSince).toBeNull()
  })
})
