import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { HOUSEKEEPING_INTERVAL_MS } from '../../../src-main/app/housekeeping'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import { erasePasscodesPastRetention } from '../../../src-main/features/workOrders/passcodeRetention'
import { DEFAULT_PASSCODE_RETENTION_DAYS } from '../../../src-shared/contract/settings'
import { ADMIN, auditRows, callOk, freshShopPerTest, SHOP, tempDir, testClock, type TestClock } from '../helpers'
import { driveTo, openOrder } from './fixtures'

const DAY = 24 * 60 * 60 * 1000
const PASSCODE = 'pin-3Rv7Tx'
const freshShop = freshShopPerTest()

function stored(app: AppContext, id: string): string | null {
  return (app.sqlite.prepare('SELECT passcode FROM work_orders WHERE id = ?').get(id) as { passcode: string | null })
    .passcode
}

describe('passcodes are erased when the job has been closed for the retention days', () => {
  it('kept through the retention days after pick-up for those allowed, then erased by the sweep with an audit row', async () => {
    const { app, adminToken, clock } = await freshShop()
    const pickedUp = await driveTo(app, adminToken, 'picked_up', { passcode: PASSCODE })
    const stillOpen = await openOrder(app, adminToken, { passcode: { consent: true, value: PASSCODE } })
    expect((await callOk(app, 'workOrders.get', { id: pickedUp.id }, adminToken)).passcode).toBe(PASSCODE)

    clock.advance(DEFAULT_PASSCODE_RETENTION_DAYS * DAY - 60_000)
    expect(await erasePasscodesPastRetention(app.db, clock.now())).toBe(0)
    expect(stored(app, pickedUp.id)).not.toBeNull()

    clock.advance(60_000)
    expect(await erasePasscodesPastRetention(app.db, clock.now())).toBe(1)
    expect(stored(app, pickedUp.id)).toBeNull()
    expect(stored(app, stillOpen.id)).not.toBeNull()
    const { token } = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    expect((await callOk(app, 'workOrders.get', { id: pickedUp.id }, token)).hasPasscode).toBe(false)
    expect(auditRows(app, 'workOrders.passcodeErased')).toEqual([
      expect.objectContaining({
        actorId: null,
        entityId: pickedUp.id,
        at: clock.now().toISOString(),
        after: { number: pickedUp.order.number, retentionDays: DEFAULT_PASSCODE_RETENTION_DAYS }
      })
    ])
    // Nothing more to do: the sweep is idempotent.
    expect(await erasePasscodesPastRetention(app.db, clock.now())).toBe(0)
  })

  it('follows the shop’s setting; 0 erases at the next sweep', async () => {
    const { app, adminToken, clock } = await freshShop()
    const settings = await callOk(app, 'settings.get', {}, adminToken)
    expect(settings.passcodeRetentionDays).toBe(DEFAULT_PASSCODE_RETENTION_DAYS)
    const { repairWarrantyDays: _days, passcodeRetentionDays: _kept, ...editable } = settings
    expect(
      (await callOk(app, 'settings.update', { ...editable, passcodeRetentionDays: 0 }, adminToken))
        .passcodeRetentionDays
    ).toBe(0)
    // A screen that leaves the field out keeps the value.
    expect((await callOk(app, 'settings.update', editable, adminToken)).passcodeRetentionDays).toBe(0)

    const cancelled = await driveTo(app, adminToken, 'cancelled', { passcode: PASSCODE })
    clock.advance(1000)
    expect(await erasePasscodesPastRetention(app.db, clock.now())).toBe(1)
    expect(stored(app, cancelled.id)).toBeNull()
  })
})

describe('the sweep runs by itself', () => {
  const folders: { remove: () => void }[] = []
  afterEach(() => {
    vi.useRealTimers()
    for (const folder of folders.splice(0)) folder.remove()
  })

  async function pickedUpJobInFile(clock: TestClock) {
    const folder = tempDir()
    folders.push(folder)
    const app = openApp({ dataDir: folder.path, clock: clock.now })
    const { token } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
    const { id } = await driveTo(app, token, 'picked_up', { passcode: PASSCODE })
    await closeApp(app)
    return { dataDir: folder.path, id }
  }

  it('at start-up', async () => {
    const clock = testClock()
    const { dataDir, id } = await pickedUpJobInFile(clock)
    clock.advance((DEFAULT_PASSCODE_RETENTION_DAYS + 1) * DAY)
    const app = openApp({ dataDir, clock: clock.now })
    await app.housekeeping!.firstRun
    expect(stored(app, id)).toBeNull()
    await closeApp(app)
  })

  it('and daily after that', async () => {
    const clock = testClock()
    const { dataDir, id } = await pickedUpJobInFile(clock)
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const app = openApp({ dataDir, clock: clock.now })
    await app.housekeeping!.firstRun
    expect(stored(app, id)).not.toBeNull()

    clock.advance((DEFAULT_PASSCODE_RETENTION_DAYS + 1) * DAY)
    vi.advanceTimersByTime(HOUSEKEEPING_INTERVAL_MS)
    for (let tick = 0; tick < 50 && stored(app, id) !== null; tick++) await new Promise((done) => setImmediate(done))
    expect(stored(app, id)).toBeNull()
    await closeApp(app)
  })
})
