import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callOk, testClock } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { syncWithHq } from '../../../src-main/features/sync/hq/run'
import { nextSyncDelay, SYNC_INTERVAL_MS } from '../../../src-main/features/sync/hq/schedule'
import { syncStatus } from '../../../src-main/features/sync/hq/service'
import { SYNC_LATE_AFTER_HOURS } from '../../../src-shared/contract/sync'
import { startHq, type RunningHq } from '../../../src-hq/app'
import { registerShop } from '../../../src-hq/shops/service'
import { upsertRegistryUnits } from '../../../src-hq/seed/registry'

/**
 * A sync that cannot finish is seen, and does not stop the rest, against the REAL HQ: a batch HQ
 * refuses for good leaves the pull running and is named on the sync status; a shop that has not
 * synced for a day shows as late even with no problem recorded; a sync prunes what HQ acknowledged
 * long ago.
 */

const clock = testClock()
const shop = staffedShopPerFile(clock)
let running: RunningHq
let dataDir: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'stuck-sync-'))
  running = await startHq({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    name: 'Brand HQ',
    timeZone: 'Asia/Shanghai',
    adminPassword: 'test-admin-password'
  })
  const { app, adminToken } = shop()
  const { code } = await registerShop(running.hq, '卡住的店')
  const certificate = await callOk(app, 'sync.readCertificate', { hqUrl: running.url }, adminToken)
  await callOk(app, 'sync.enrol', { hqUrl: running.url, fingerprint: certificate.fingerprint, code }, adminToken)
}, 120_000)

afterAll(async () => {
  await running?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}, 60_000)

function registryUnit(serial: string) {
  return {
    serial,
    brand: '华为',
    model: 'Mate 60',
    categoryKey: 'mobile_phone',
    cardNumber: `CARD-${serial}`,
    purchaseDate: '2026-01-05',
    invoiceNumber: `INV-${serial}`,
    dealer: '某经销商',
    productionDate: null,
    buyerName: '李四',
    buyerPhone: '13900001111',
    activationDate: null
  }
}

const unitsPulled = (serial: string) =>
  (shop().app.sqlite.prepare('SELECT count(*) AS n FROM warranty_units WHERE serial = ?').get(serial) as { n: number })
    .n

describe('a stuck sync', () => {
  it('a batch HQ refuses for good still lets HQ’s data come down, and the status names the batch and the change', async () => {
    const { app, adminToken } = shop()
    expect((await syncWithHq(app)).problem).toBeNull()
    // A row HQ refuses whatever the shop does (HQ cannot read its time), then an ordinary one behind it.
    const bad = app.sqlite
      .prepare(
        `INSERT INTO outbox (id, at, entity, entity_id, operation, payload_json)
         VALUES ('chg-stuck-1', 'not-a-time', 'customer', 'cust-stuck-1', 'upsert', '{}') RETURNING seq`
      )
      .get() as { seq: number }
    app.sqlite
      .prepare(
        `INSERT INTO outbox (id, at, entity, entity_id, operation, payload_json)
         VALUES ('chg-after-1', ?, 'customer', 'cust-after-1', 'upsert', '{}')`
      )
      .run(clock.now().toISOString())
    await upsertRegistryUnits(running.hq, [registryUnit('SN-STUCK-0001')])

    const outcome = await syncWithHq(app)
    expect(outcome.problem).toBe('hqRefused')
    expect(unitsPulled('SN-STUCK-0001')).toBe(1)

    const status = await callOk(app, 'sync.status', {}, adminToken)
    expect(status.problem).toBe('hqRefused')
    expect(status.changesWaiting).toBe(2)
    expect(status.stuck).toMatchObject({
      firstSeq: bad.seq,
      changeCount: 2,
      changeNamedByHq: true,
      change: { seq: bad.seq, id: 'chg-stuck-1', entity: 'customer', entityId: 'cust-stuck-1' }
    })
    expect(status.stuck!.refusal).toContain('VALIDATION')
    expect(status.stuck!.refusal).toContain('field=at')
    // HQ answered the pull: the timer does not wait longer for its decisions while the batch is stuck.
    const again = await syncWithHq(app)
    expect(again.problem).toBe('hqRefused')
    const { failures } = app.sqlite.prepare('SELECT failures FROM hq_connection').get() as { failures: number }
    expect(nextSyncDelay(failures)).toBe(SYNC_INTERVAL_MS)

    // Put right (here by hand, as HQ's support would ask), the batch goes and nothing is stuck.
    app.sqlite.prepare(`UPDATE outbox SET at = ? WHERE id = 'chg-stuck-1'`).run(clock.now().toISOString())
    expect((await syncWithHq(app)).problem).toBeNull()
    const after = await callOk(app, 'sync.status', {}, adminToken)
    expect(after).toMatchObject({ problem: null, stuck: null, changesWaiting: 0 })
  }, 60_000)

  it('a shop that has not synced for a day is late with no problem recorded, and not once it syncs', async () => {
    // Read through the service: a day later the test's sign-in has expired, as a desk's would.
    const { app } = shop()
    expect((await syncWithHq(app)).problem).toBeNull()
    expect(await syncStatus(app)).toMatchObject({ problem: null, late: false })

    clock.advance((SYNC_LATE_AFTER_HOURS - 1) * 3_600_000)
    expect((await syncStatus(app)).late).toBe(false)
    clock.advance(2 * 3_600_000)
    const late = await syncStatus(app)
    expect(late).toMatchObject({ problem: null, late: true })

    // The sync also forgets what HQ acknowledged more than half a year ago: here every change
    // sent so far, as if HQ had acknowledged it a year ago.
    const yearAgo = new Date(clock.now().getTime() - 365 * 24 * 3_600_000).toISOString()
    const sentBefore = app.sqlite.prepare('UPDATE outbox SET sent_at = ? WHERE sent_at IS NOT NULL').run(yearAgo)
    expect(sentBefore.changes).toBeGreaterThan(0)
    expect((await syncWithHq(app)).problem).toBeNull()
    expect((await syncStatus(app)).late).toBe(false)
    expect(app.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at = ?').get(yearAgo)).toEqual({ n: 0 })
  }, 60_000)
})
