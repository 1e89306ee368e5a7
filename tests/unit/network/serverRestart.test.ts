import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import type { AppContext } from '../../../src-main/app/context'
import { createShopNetwork, startShopNetwork, stopShopNetwork } from '../../../src-main/host/web/shopNetwork'
import { ShopServerClient } from '../../../src-main/host/desk/shopServerClient'
import type { ShopNetworkPort } from '../../../src-main/features/desks/network/port'
import { ADMIN, callOk, countRows, createUserAndSignIn, handlers, SHOP, tempDir, testClock } from '../helpers'
import { intake } from '../workOrders/fixtures'
import { freePort, pairDesk } from './fixtures'

const ADDRESS = '127.0.0.21'
const clock = testClock(new Date().toISOString())
const folder = tempDir()
afterAll(() => folder.remove())

/** Opens the app on the shop's data folder and its LAN listener as the stored setting says. */
async function startServer(): Promise<{ app: AppContext; network: ShopNetworkPort }> {
  const app = openApp({ dataDir: folder.path, clock: clock.now })
  const network = createShopNetwork(app, handlers, { dataDir: folder.path, bindAddress: ADDRESS })
  app.shopNetwork = network
  await startShopNetwork(app, network)
  return { app, network }
}

async function stopServer(server: { app: AppContext; network: ShopNetworkPort }): Promise<void> {
  await stopShopNetwork(server.network)
  await closeApp(server.app)
}

describe('the shop server restarts while a desk is signed in', () => {
  it('keeps the session: the same token works after the restart and a retried write is applied once', async () => {
    let server = await startServer()
    const { token: adminToken } = await callOk(server.app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
    const settings = await callOk(server.app, 'settings.get', {}, adminToken)
    await callOk(server.app, 'settings.update', { ...settings, idleLockMinutes: 30 }, adminToken)
    const port = await freePort(ADDRESS)
    const status = await callOk(server.app, 'network.setLanListening', { on: true, port }, adminToken)
    const url = status.addresses[0]!
    const clerk = await createUserAndSignIn(server.app, adminToken, 'front_desk')
    const paired = await pairDesk({ ...server, adminToken, clock, url, dataDir: folder.path })
    // A desk that keeps retrying long enough to outlast the restart, as the real desk does.
    const desk = new ShopServerClient({
      url,
      ...paired.pairing,
      localAddress: paired.address,
      retryDelaysMs: [200, 400, 800, 1600, 3200]
    })
    try {
      const signIn = await desk.call({
        operation: 'auth.signIn',
        input: { username: clerk.user.username, password: clerk.password }
      })
      if (!signIn.ok) throw new Error(JSON.stringify(signIn.error))
      const token = (signIn.data as { token: string }).token
      const form = intake()
      const [formId, laterId] = [randomUUID(), randomUUID()]
      const first = await desk.call({ operation: 'workOrders.create', input: form, token, requestId: formId })
      expect(first.ok ? null : first.error).toBeNull()
      const jobsBefore = countRows(server.app, 'work_orders')

      // The shop server goes down and comes back on the same data folder while the desk retries.
      await stopServer(server)
      const retried = desk.call({ operation: 'workOrders.create', input: form, token, requestId: formId })
      const laterSave = desk.call({ operation: 'workOrders.create', input: intake(), token, requestId: laterId })
      await new Promise((resolve) => setTimeout(resolve, 300))
      server = await startServer()

      const [again, second] = await Promise.all([retried, laterSave])
      expect(again).toEqual(first)
      expect(second.ok).toBe(true)
      expect(countRows(server.app, 'work_orders')).toBe(jobsBefore + 1)
      // Only a hash of the token is in the database.
      const stored = server.app.sqlite.prepare(`SELECT token_hash FROM sessions`).all() as Array<{ token_hash: string }>
      expect(stored.length).toBeGreaterThan(0)
      expect(stored.some((row) => row.token_hash === token)).toBe(false)

      // Signing out deletes the row: after another restart the token is refused.
      const out = await desk.call({ operation: 'auth.signOut', input: {}, token })
      expect(out.ok).toBe(true)
      await stopServer(server)
      server = await startServer()
      const refused = await desk.call({ operation: 'auth.session', input: {}, token })
      expect(refused.ok ? null : refused.error.code).toBe('UNAUTHENTICATED')
    } finally {
      desk.close()
      await stopServer(server)
    }
  })
})
