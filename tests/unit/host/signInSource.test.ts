import { afterEach, describe, expect, it } from 'vitest'
import { signInOrigin } from '../../../src-main/features/auth/signInSource'
import { handleIpcCall } from '../../../src-main/host/electron/ipcBridge'
import { startWebHost, type WebHost } from '../../../src-main/host/web/server'
import { SOURCE_FREE_FAILURES } from '../../../src-shared/domain/signInThrottle'
import { ADMIN, freshShopPerTest, handlers } from '../helpers'

const freshShop = freshShopPerTest()
const APP_URL = 'app://service-center/'
let web: WebHost | undefined

afterEach(async () => {
  await web?.close()
  web = undefined
})

describe('the hosts report where a sign-in comes from', () => {
  it('the HTTP host hands dispatch the peer address: its guesses are throttled there, not at the desktop window', async () => {
    const { app } = await freshShop()
    web = await startWebHost(app, handlers, { port: 0 })
    const signIn = (password: string) =>
      fetch(`${web!.url}rpc/auth.signIn`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: ADMIN.username, password })
      })
    for (let i = 0; i < SOURCE_FREE_FAILURES; i++) expect((await signIn(`guess-${i}`)).status).toBe(401)
    const throttled = await signIn(ADMIN.password)
    expect(throttled.status).toBe(429)
    expect(await throttled.json()).toMatchObject({ ok: false, error: { code: 'SIGN_IN_THROTTLED' } })

    const viaWindow = await handleIpcCall(
      app,
      handlers,
      APP_URL,
      { frameUrl: APP_URL, fromAppWindow: true },
      { operation: 'auth.signIn', input: { username: ADMIN.username, password: ADMIN.password } }
    )
    expect(viaWindow.ok).toBe(true)
  })

  it('the desktop window and every loopback address are the shop server itself; other addresses are desks', () => {
    expect(signInOrigin({ transport: 'ipc' })).toEqual({ key: 'ipc', atShopServer: true })
    for (const address of ['127.0.0.1', '127.0.0.9', '::1', '::ffff:127.0.0.1'])
      expect(signInOrigin({ transport: 'http', address })).toEqual({ key: 'loopback', atShopServer: true })
    expect(signInOrigin({ transport: 'http', address: '192.168.1.20' })).toEqual({
      key: 'http:192.168.1.20',
      atShopServer: false
    })
    expect(signInOrigin({ transport: 'http', address: undefined }).atShopServer).toBe(false)
  })
})
