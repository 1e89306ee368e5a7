// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type FetchCall = [string, { headers: Record<string, string>; body: string }]

const answer = (body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }))

async function loadApi() {
  vi.resetModules()
  return {
    ...(await import('../../../../src-renderer/api/client')),
    ...(await import('../../../../src-renderer/api/pairing')),
    ...(await import('../../../../src-renderer/api/deskCredential'))
  }
}

describe('pairing this desk with the shop server', () => {
  const fetchMock = vi.fn()
  beforeEach(() => {
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    delete (window as { serviceCenter?: unknown }).serviceCenter
    localStorage.clear()
    sessionStorage.clear()
  })

  it('sends the code and the desk name to desks.pair, keeps the credential, and sends it with every later call', async () => {
    const { pairDesk, call, readDeskCredential } = await loadApi()
    fetchMock.mockImplementationOnce(() => answer({ ok: true, data: { deskId: 'desk-7', credential: 'secret-7' } }))
    expect(await pairDesk({ code: '482913', deskName: '仓库' })).toEqual({ deskId: 'desk-7' })
    const [url, init] = (fetchMock.mock.calls as FetchCall[])[0]!
    expect(url).toBe('/rpc/desks.pair')
    expect(JSON.parse(init.body)).toEqual({ code: '482913', deskName: '仓库' })
    expect(readDeskCredential()).toBe('secret-7')

    fetchMock.mockImplementationOnce(() => answer({ ok: true, data: { initialized: true, shopName: '店' } }))
    await call('setup.status', {})
    expect((fetchMock.mock.calls as FetchCall[])[1]![1].headers['X-Desk-Credential']).toBe('secret-7')
  })

  it('in the desktop shell the shell pairs with the address typed in, and forgets the server when asked', async () => {
    const deskSetup = vi.fn(() => Promise.resolve({ ok: true, data: { mode: 'desk', serverUrl: 'x' } }))
    ;(window as { serviceCenter?: unknown }).serviceCenter = { call: vi.fn(), deskSetup }
    const { pairDesk, forgetPairing, canPairWithShopServer, readDeskCredential } = await loadApi()
    expect(canPairWithShopServer()).toBe(true)
    await pairDesk({ serverUrl: 'https://192.168.1.10:4320/', code: '482913', deskName: '仓库' })
    expect(deskSetup).toHaveBeenCalledWith({
      action: 'pair',
      url: 'https://192.168.1.10:4320/',
      code: '482913',
      deskName: '仓库'
    })
    expect(fetchMock).not.toHaveBeenCalled()
    expect(readDeskCredential()).toBeUndefined()
    await forgetPairing()
    expect(deskSetup).toHaveBeenLastCalledWith({ action: 'forget' })
  })

  it('a wrong code is refused with the server’s error and nothing is kept', async () => {
    const { pairDesk, readDeskCredential } = await loadApi()
    fetchMock.mockImplementationOnce(() =>
      answer({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.VALIDATION' } })
    )
    await expect(pairDesk({ code: '000000' })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(readDeskCredential()).toBeUndefined()
  })

  it('a call the server refuses because the desk was revoked tells the app to pair again', async () => {
    const { call, onDeskProblem } = await loadApi()
    const problems: string[] = []
    onDeskProblem((code) => problems.push(code))
    fetchMock.mockImplementationOnce(() =>
      answer({ ok: false, error: { code: 'DESK_REVOKED', messageKey: 'errors.DESK_REVOKED' } })
    )
    await expect(call('setup.status', {})).rejects.toMatchObject({ code: 'DESK_REVOKED' })
    expect(problems).toEqual(['DESK_REVOKED'])
  })
})
