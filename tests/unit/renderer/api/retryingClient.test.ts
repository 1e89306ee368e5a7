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

describe('the api client in the desktop shell of a desk (its calls go to the shop server over IPC)', () => {
  const bridgeCall = vi.fn()
  beforeEach(() => {
    vi.useFakeTimers()
    bridgeCall.mockReset()
    ;(window as { serviceCenter?: unknown }).serviceCenter = { call: bridgeCall }
    sessionStorage.setItem('service-center.token', 'token-1')
  })
  afterEach(() => {
    vi.useRealTimers()
    delete (window as { serviceCenter?: unknown }).serviceCenter
    sessionStorage.clear()
  })

  it('hands the shell its request id, and keeps a write the shop server did not answer, sending it again with that id', async () => {
    const { call, shopServerConnection, RETRY_MS } = await loadClient()
    // The shell tried, lost the connection (the server may have applied the payment), and gave up.
    const unanswered = { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.connection' } }
    let lost = 2
    bridgeCall.mockImplementation((operation: string) =>
      Promise.resolve(operation === 'checkout.pay' && lost-- > 0 ? unanswered : { ok: true, data: { id: 'pay-1' } })
    )

    let paid: unknown
    let refused: unknown
    const paying = call('checkout.pay', { workOrderId: 'wo-1' } as never).then(
      (data) => (paid = data),
      (error: unknown) => (refused = error)
    )
    await vi.advanceTimersByTimeAsync(0)
    expect(refused).toBeUndefined()
    expect(shopServerConnection.unreachableSince).not.toBeNull()
    await vi.advanceTimersByTimeAsync(RETRY_MS * 2 + 10)
    await paying
    expect(refused).toBeUndefined()
    expect(paid).toEqual({ id: 'pay-1' })
    expect(shopServerConnection.unreachableSince).toBeNull()

    const writes = bridgeCall.mock.calls.filter(([operation]) => operation === 'checkout.pay')
    expect(writes).toHaveLength(3)
    const ids = writes.map((args) => args[3] as unknown)
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(new Set(ids).size).toBe(1)
  })

  it("shows the shop server's own refusal at once, as before", async () => {
    const { call, ApiError } = await loadClient()
    bridgeCall.mockResolvedValue({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.changedElsewhere' } })
    await expect(call('customers.create', { name: '李四', mobile: '13800138000' })).rejects.toBeInstanceOf(ApiError)
    expect(bridgeCall).toHaveBeenCalledTimes(1)
  })
})
