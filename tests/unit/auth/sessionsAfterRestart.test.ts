import { afterEach, describe, expect, it } from 'vitest'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import type { AppContext } from '../../../src-main/app/context'
import { SESSION_MAX_AGE_MS } from '../../../src-main/features/auth/sessions'
import { dispatch } from '../../../src-main/rpc/dispatch'
import {
  ADMIN,
  callError,
  callOk,
  countRows,
  createUserAndSignIn,
  handlers,
  MINUTE,
  SHOP,
  tempDir,
  testClock
} from '../helpers'

const folders: Array<{ remove(): void }> = []
const open: AppContext[] = []
afterEach(async () => {
  for (const app of open.splice(0)) if (app.sqlite.open) await closeApp(app)
  for (const folder of folders.splice(0)) folder.remove()
})

/** A shop on a data folder that can be closed and opened again, as a restart of the app does. */
async function restartableShop(idleLockMinutes: number) {
  const folder = tempDir()
  folders.push(folder)
  const clock = testClock()
  const start = () => {
    const app = openApp({ dataDir: folder.path, clock: clock.now })
    open.push(app)
    return app
  }
  const app = start()
  const { token: adminToken } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
  const settings = await callOk(app, 'settings.get', {}, adminToken)
  await callOk(app, 'settings.update', { ...settings, idleLockMinutes }, adminToken)
  const restart = async (running: AppContext) => {
    await closeApp(running)
    return start()
  }
  return { app, adminToken, clock, restart }
}

describe('sessions kept across a restart of the shop server', () => {
  it('the idle lock still holds for a session read back from the database', async () => {
    const shop = await restartableShop(10)
    const clerk = await createUserAndSignIn(shop.app, shop.adminToken, 'front_desk')
    const app = await shop.restart(shop.app)
    expect((await callOk(app, 'auth.session', {}, clerk.token)).locked).toBe(false)
    shop.clock.advance(11 * MINUTE)
    expect((await callError(app, 'workOrders.list', {}, clerk.token)).code).toBe('SESSION_LOCKED')
    // The lock is kept too: a restart does not lift it.
    const again = await shop.restart(app)
    expect((await callError(again, 'workOrders.list', {}, clerk.token)).code).toBe('SESSION_LOCKED')
    await callOk(again, 'auth.unlock', { password: clerk.password }, clerk.token)
    const third = await shop.restart(again)
    expect((await callOk(third, 'auth.session', {}, clerk.token)).locked).toBe(false)
  })

  it('a screen locked by hand is saved at once: a crash before the next write does not unlock it', async () => {
    const shop = await restartableShop(0)
    const clerk = await createUserAndSignIn(shop.app, shop.adminToken, 'front_desk')
    await callOk(shop.app, 'auth.lock', {}, clerk.token)
    // What the database holds now is what a shop server killed at this moment would start from.
    const row = shop.app.sqlite.prepare('SELECT locked FROM sessions WHERE user_id = ?').get(clerk.user.id) as {
      locked: number
    }
    expect(row.locked).toBe(1)
  })

  it('a session stays bound to its desk after a restart', async () => {
    const shop = await restartableShop(0)
    const source = { transport: 'http' as const, address: '127.0.0.3', deskId: 'desk-front' }
    const signIn = await dispatch(shop.app, handlers, {
      operation: 'auth.signIn',
      input: { username: ADMIN.username, password: ADMIN.password },
      token: undefined,
      source
    })
    if (!signIn.ok) throw new Error(JSON.stringify(signIn.error))
    const { token } = signIn.data as { token: string }
    const app = await shop.restart(shop.app)
    const atItsDesk = await dispatch(app, handlers, { operation: 'auth.session', input: {}, token, source })
    expect(atItsDesk.ok).toBe(true)
    const elsewhere = await dispatch(app, handlers, {
      operation: 'auth.session',
      input: {},
      token,
      source: { ...source, deskId: 'desk-warehouse' }
    })
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('an expired session is refused after a restart and its row is swept away', async () => {
    const shop = await restartableShop(0)
    const clerk = await createUserAndSignIn(shop.app, shop.adminToken, 'front_desk')
    const app = await shop.restart(shop.app)
    expect(countRows(app, 'sessions')).toBe(2)
    shop.clock.advance(SESSION_MAX_AGE_MS + MINUTE)
    expect((await callError(app, 'auth.session', {}, clerk.token)).code).toBe('UNAUTHENTICATED')
    expect(countRows(app, 'sessions')).toBe(0)
  })

  it("a disabled user's sessions are deleted, not only forgotten until the next restart", async () => {
    const shop = await restartableShop(0)
    const clerk = await createUserAndSignIn(shop.app, shop.adminToken, 'front_desk')
    const app = await shop.restart(shop.app)
    await callOk(app, 'users.setDisabled', { id: clerk.user.id, disabled: true }, shop.adminToken)
    await callOk(app, 'users.setDisabled', { id: clerk.user.id, disabled: false }, shop.adminToken)
    const again = await shop.restart(app)
    expect((await callError(again, 'auth.session', {}, clerk.token)).code).toBe('UNAUTHENTICATED')
  })
})
