import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import { DESK_CONFIG_FILE, readDeskConfig } from '../../../src-main/host/desk/deskConfig'
import { ShellConnection } from '../../../src-main/host/electron/shellConnection'
import type { LiveChangeMessage } from '../../../src-shared/bridge'
import { ADMIN, callOk, handlers, tempDir } from '../helpers'
import { intake } from '../workOrders/fixtures'
import { shopServerPerFile, until } from './fixtures'

const shop = shopServerPerFile()
const PREFIX = 'app://service-center/'
const APP_WINDOW = { frameUrl: `${PREFIX}index.html`, fromAppWindow: true }
/** The desktop PCs of this file call from their own loopback addresses, past the fixtures' desks. */
let nextAddress = 60

const cleanUps: Array<() => Promise<void> | void> = []
afterAll(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp()
})

/**
 * A desktop PC's shell over a data folder of its own, counting how often it opened its own shop
 * and whether that shop's schedules (backups, HQ sync) are running.
 */
function desktopPc(dataDir?: string) {
  const folder = dataDir ? undefined : tempDir()
  const dir = dataDir ?? folder!.path
  let localOpened = 0
  let schedulesRunning = 0
  const opened: AppContext[] = []
  const shell = new ShellConnection({
    dataDir: dir,
    handlers,
    appUrlPrefix: PREFIX,
    openLocal: () => {
      localOpened += 1
      const app = openApp({ dataDir: dir })
      opened.push(app)
      return app
    },
    startSchedules: () => {
      schedulesRunning += 1
      return () => {
        schedulesRunning -= 1
      }
    },
    client: { localAddress: `127.0.0.${(nextAddress += 1)}`, retryDelaysMs: [50] }
  })
  cleanUps.push(async () => {
    shell.close()
    for (const app of opened) if (app.sqlite.open) await closeApp(app)
    folder?.remove()
  })
  return { shell, dir, localOpened: () => localOpened, schedulesRunning: () => schedulesRunning }
}

describe('the desktop shell as a desk of the shop server', () => {
  it('pairs, then sends every call and live change through the shop server, and forgets it on request', async () => {
    const server = shop()
    const pc = desktopPc()
    expect(pc.shell.status()).toEqual({ mode: 'shop-server', serverUrl: null })
    expect(pc.localOpened()).toBe(1)
    expect(pc.schedulesRunning()).toBe(1)

    const { code } = await callOk(server.app, 'desks.pairingCode', {}, server.adminToken)
    const paired = await pc.shell.deskSetup(APP_WINDOW, { action: 'pair', url: server.url, code, deskName: '仓库' })
    expect(paired).toEqual({ ok: true, data: { mode: 'desk', serverUrl: server.url } })
    expect(readDeskConfig(pc.dir)).toMatchObject({ url: server.url })
    // A desk's own copy of the data is not backed up or synced while the shop server keeps the shop.
    expect(pc.schedulesRunning()).toBe(0)
    if (process.platform !== 'win32') expect(statSync(join(pc.dir, DESK_CONFIG_FILE)).mode & 0o077).toBe(0)

    // The admin signs in at the desk: the session is the shop server's, opened at this desk.
    const signIn = await pc.shell.call(APP_WINDOW, {
      operation: 'auth.signIn',
      input: { username: ADMIN.username, password: ADMIN.password }
    })
    expect(signIn.ok).toBe(true)
    const token = signIn.ok ? (signIn.data as { token: string }).token : ''
    expect(server.app.sessions.get(token)?.deskId).toBe(readDeskConfig(pc.dir)?.deskId)

    const messages: LiveChangeMessage[] = []
    const stream = pc.shell.watchChanges(token, (message) => messages.push(message))
    await until(() => messages.some((message) => message.kind === 'open'))
    const created = await pc.shell.call(APP_WINDOW, { operation: 'workOrders.create', input: intake(), token })
    expect(created.ok).toBe(true)
    const jobId = created.ok ? (created.data as { workOrder: { id: string } }).workOrder.id : ''
    await until(() =>
      messages.some(
        (message) =>
          message.kind === 'changes' &&
          message.batch.changes.some((change) => change.entity === 'work_order' && change.id === jobId)
      )
    )
    stream.close()
    expect((await callOk(server.app, 'workOrders.get', { id: jobId }, server.adminToken)).id).toBe(jobId)

    const forgotten = await pc.shell.deskSetup(APP_WINDOW, { action: 'forget' })
    expect(forgotten).toEqual({ ok: true, data: { mode: 'shop-server', serverUrl: null } })
    expect(readDeskConfig(pc.dir)).toBeNull()
    // Its own shop was open all along: not opened twice.
    expect(pc.localOpened()).toBe(1)
    expect(pc.schedulesRunning()).toBe(1)
    const local = await pc.shell.call(APP_WINDOW, { operation: 'setup.status', input: {} })
    expect(local).toMatchObject({ ok: true, data: { initialized: false } })
  })

  it('a PC paired before starts as a desk without opening a shop of its own', async () => {
    const server = shop()
    const first = desktopPc()
    const { code } = await callOk(server.app, 'desks.pairingCode', {}, server.adminToken)
    expect((await first.shell.deskSetup(APP_WINDOW, { action: 'pair', url: server.url, code })).ok).toBe(true)
    first.shell.close()

    const restarted = desktopPc(first.dir)
    expect(restarted.shell.status().mode).toBe('desk')
    expect(restarted.localOpened()).toBe(0)
    expect(restarted.schedulesRunning()).toBe(0)
    expect(restarted.shell.localApp).toBeNull()
    const status = await restarted.shell.call(APP_WINDOW, { operation: 'setup.status', input: {} })
    expect(status).toMatchObject({ ok: true, data: { initialized: true } })
  })

  it('a wrong code, an address that is no https URL, or a foreign frame leave the PC as it was', async () => {
    const server = shop()
    const pc = desktopPc()
    const wrong = await pc.shell.deskSetup(APP_WINDOW, { action: 'pair', url: server.url, code: '000000' })
    expect(wrong.ok).toBe(false)
    const plain = await pc.shell.deskSetup(APP_WINDOW, { action: 'pair', url: 'http://127.0.0.10/', code: '1' })
    expect(plain).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const { code } = await callOk(server.app, 'desks.pairingCode', {}, server.adminToken)
    const foreign = await pc.shell.deskSetup(
      { frameUrl: 'https://evil.example/', fromAppWindow: true },
      { action: 'pair', url: server.url, code }
    )
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(pc.shell.status().mode).toBe('shop-server')
    expect(readDeskConfig(pc.dir)).toBeNull()
  })
})
