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
 * A sync that cannot finish is seen, and does not stop the rest, against the REAL HQ: changes HQ
 * refuses for good are set aside (kept, named with HQ's words, sent again by a manager) while the
 * rest goes, a later change of their record waiting behind them; a batch refused without naming a
 * change still stops the push there, leaves the pull running and is named on the sync status; a shop that has not
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

/** Writes an outbox row as a change of a customer would; `at` as given (HQ refuses one it cannot read). Its seq. */
function outboxRow(id: string, entityId: string, at = clock.now().toISOString()): number {
  const row = shop()
    .app.sqlite.prepare(
      `INSERT INTO outbox (id, at, entity, entity_id, operation, payload_json)
       VALUES (?, ?, 'customer', ?, 'upsert', '{}') RETURNING seq`
    )
    .get(id, at, entityId) as { seq: number }
  return row.seq
}

/** Which of the changes HQ has applied, sorted. */
async function atHq(changeIds: string[]): Promise<string[]> {
  const rows = await running.hq.db
    .selectFrom('appliedChanges')
    .select('changeId')
    .where('changeId', 'in', changeIds)
    .execute()
  return rows.map((row) => row.changeId).sort()
}

const unitsPulled = (serial: string) =>
  (shop().app.sqlite.prepare('SELECT count(*) AS n FROM warranty_units WHERE serial = ?').get(serial) as { n: number })
    .n

describe('a stuck sync', () => {
  it('changes HQ refuses are set aside with HQ’s words, the rest goes, and a later change of their record waits behind them', async () => {
    const { app, staff } = shop()
    const manager = staff.manager.token
    expect((await syncWithHq(app)).problem).toBeNull()
    // Two rows HQ refuses whatever the shop does (HQ cannot read their time) among ordinary ones,
    // and a later change of the first one's record, which must not reach HQ before it.
    outboxRow('chg-before-1', 'cust-before-1')
    outboxRow('chg-stuck-1', 'cust-stuck-1', 'not-a-time')
    outboxRow('chg-after-1', 'cust-after-1')
    outboxRow('chg-stuck-1b', 'cust-stuck-1')
    outboxRow('chg-stuck-2', 'cust-stuck-2', 'yesterday')
    await upsertRegistryUnits(running.hq, [registryUnit('SN-STUCK-0001')])

    const outcome = await syncWithHq(app)
    expect(outcome.problem).toBeNull()
    expect(unitsPulled('SN-STUCK-0001')).toBe(1)
    expect(await atHq(['chg-before-1', 'chg-after-1', 'chg-stuck-1', 'chg-stuck-1b', 'chg-stuck-2'])).toEqual([
      'chg-after-1',
      'chg-before-1'
    ])

    const status = await callOk(app, 'sync.status', {}, manager)
    expect(status).toMatchObject({ problem: null, stuck: null, changesWaiting: 3, heldCount: 3 })
    expect(status.held).toMatchObject([
      { change: { id: 'chg-stuck-1', entity: 'customer', entityId: 'cust-stuck-1' }, behind: 1 },
      { change: { id: 'chg-stuck-2', entity: 'customer', entityId: 'cust-stuck-2' }, behind: 0 }
    ])
    expect(status.held[0]!.refusal).toContain('VALIDATION')
    expect(status.held[0]!.refusal).toContain('field=at')

    // A change of the held record made after the refusal waits behind it too; others go.
    outboxRow('chg-stuck-1c', 'cust-stuck-1')
    outboxRow('chg-after-2', 'cust-after-2')
    expect((await syncWithHq(app)).problem).toBeNull()
    expect(await atHq(['chg-stuck-1c', 'chg-after-2'])).toEqual(['chg-after-2'])
    expect(await callOk(app, 'sync.status', {}, manager)).toMatchObject({ changesWaiting: 4, heldCount: 4 })

    // Sent again before HQ's side is put right, it is refused again and set aside again: nothing lost.
    await callOk(app, 'sync.sendAgain', { changeId: 'chg-stuck-1' }, manager)
    expect((await syncWithHq(app)).problem).toBeNull()
    expect(await callOk(app, 'sync.status', {}, manager)).toMatchObject({ changesWaiting: 4, heldCount: 4 })

    // Put right (here by hand, as HQ's support would ask), the manager sends it again: it goes,
    // and the changes held behind it go after it; the other refused change stays aside.
    app.sqlite.prepare(`UPDATE outbox SET at = ? WHERE id = 'chg-stuck-1'`).run(clock.now().toISOString())
    await callOk(app, 'sync.sendAgain', { changeId: 'chg-stuck-1' }, manager)
    expect((await syncWithHq(app)).problem).toBeNull()
    expect(await atHq(['chg-stuck-1', 'chg-stuck-1b', 'chg-stuck-1c', 'chg-stuck-2'])).toEqual([
      'chg-stuck-1',
      'chg-stuck-1b',
      'chg-stuck-1c'
    ])
    const after = await callOk(app, 'sync.status', {}, manager)
    expect(after).toMatchObject({ problem: null, stuck: null, changesWaiting: 1, heldCount: 1 })
    expect(after.held.map((held) => held.change.id)).toEqual(['chg-stuck-2'])
    // Nothing is deleted: the refused change is still in the outbox, unsent.
    expect(app.sqlite.prepare(`SELECT sent_at FROM outbox WHERE id = 'chg-stuck-2'`).get()).toEqual({ sent_at: null })
  }, 60_000)

  it('a refusal that names no change of the batch still stops the push at that batch, named on the status', async () => {
    const { app, adminToken } = shop()
    // Put right by hand what the test before left aside, so this batch holds only what follows.
    app.sqlite.prepare(`UPDATE outbox SET at = ? WHERE id = 'chg-stuck-2'`).run(clock.now().toISOString())
    await callOk(app, 'sync.sendAgain', { changeId: 'chg-stuck-2' }, adminToken)
    expect((await syncWithHq(app)).problem).toBeNull()
    // HQ refuses the batch's id itself (longer than the protocol allows): no change is to blame.
    const bad = outboxRow('chg-unnamed-1', 'cust-unnamed-1')
    outboxRow('chg-unnamed-2', 'cust-unnamed-2')
    const longId = 'x'.repeat(80)
    app.sqlite
      .prepare(
        `INSERT INTO hq_push_batches (batch_id, first_seq, last_seq, change_count, created_at) VALUES (?, ?, ?, 2, ?)`
      )
      .run(longId, bad, bad + 1, clock.now().toISOString())
    expect((await syncWithHq(app)).problem).toBe('hqRefused')
    const status = await callOk(app, 'sync.status', {}, adminToken)
    expect(status).toMatchObject({ problem: 'hqRefused', changesWaiting: 2, heldCount: 0 })
    expect(status.stuck).toMatchObject({ batchId: longId, firstSeq: bad, changeCount: 2, changeNamedByHq: false })
    expect(status.stuck!.refusal).toContain('VALIDATION')
    expect(status.stuck!.refusal).toContain('field=batchId')
    // HQ answered the pull: the timer does not wait longer for its decisions while the batch is stuck.
    expect((await syncWithHq(app)).problem).toBe('hqRefused')
    const { failures } = app.sqlite.prepare('SELECT failures FROM hq_connection').get() as { failures: number }
    expect(nextSyncDelay(failures)).toBe(SYNC_INTERVAL_MS)
    // HQ's support answers; here the shop's stray batch is dropped by hand and its changes go.
    app.sqlite.prepare('DELETE FROM hq_push_batches WHERE batch_id = ?').run(longId)
    expect((await syncWithHq(app)).problem).toBeNull()
    expect(await callOk(app, 'sync.status', {}, adminToken)).toMatchObject({ stuck: null, changesWaiting: 0 })
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
