import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src-main/db/migrator'
import { allMigrations } from '../../../src-main/db/migrations'
import { collectedJob, shopBefore } from '../checkout/upgradeFixtures'

const AT = '2026-10-01T02:00:00.000Z'

/**
 * A shop as the release before step 69 left it, with foreign keys enforced as the app opens it:
 * a warranty job's two old parts, one in a packed batch and one in a shipped batch HQ received.
 */
function shopWithBatches() {
  const sqlite = shopBefore(69, AT, { username: 'clerk', displayName: '陈静', role: 'warehouse_clerk' })
  sqlite.pragma('foreign_keys = ON')
  collectedJob(sqlite, 'warranty_repair', AT)
  sqlite
    .prepare(
      `INSERT INTO parts (id, part_number, name, unit, selling_price_fen, average_cost_fen, search_text, created_at, updated_at)
       VALUES ('p1', 'BAT-P60', 'P60 电池', '个', 0, 9000, 'bat-p60', ?, ?)`
    )
    .run(AT, AT)
  const jobPart = sqlite.prepare(
    `INSERT INTO work_order_parts (id, work_order_id, part_id, quantity, unit_price_fen, unit_cost_fen, issued_at)
     VALUES (?, 'w1', 'p1', 1, 0, 9000, ?)`
  )
  jobPart.run('wp1', AT)
  jobPart.run('wp2', AT)
  const batch = sqlite.prepare(
    `INSERT INTO return_batches (id, number, status, carrier, tracking_number, created_by, created_at, shipped_at)
     VALUES (?, ?, ?, ?, ?, 'u1', ?, ?)`
  )
  batch.run('rb1', 'FR-261001-0001', 'packed', '', '', AT, null)
  batch.run('rb2', 'FR-261001-0002', 'shipped', '顺丰速运', 'SF0001', AT, AT)
  const faulty = sqlite.prepare(
    `INSERT INTO faulty_parts (id, work_order_id, work_order_part_id, part_id, serial, quantity, status, batch_id, created_at, updated_at)
     VALUES (?, 'w1', ?, 'p1', ?, 1, ?, ?, ?, ?)`
  )
  faulty.run('f1', 'wp1', 'SN-1', 'packed', 'rb1', AT, AT)
  faulty.run('f2', 'wp2', 'SN-2', 'shipped', 'rb2', AT, AT)
  sqlite
    .prepare(
      `INSERT INTO hq_return_batch_status (batch_id, status, credited_fen, credit_reference, at, received_at)
       VALUES ('rb2', 'received', 0, '', ?, ?)`
    )
    .run(AT, AT)
  return sqlite
}

describe('upgrading to kept cancelled return batches', () => {
  it('keeps every batch as it was, and the faulty parts and HQ receipts that point at them', () => {
    const sqlite = shopWithBatches()
    const before = sqlite
      .prepare('SELECT id, number, status, carrier, tracking_number, created_by, created_at FROM return_batches')
      .all()

    migrate(sqlite, allMigrations)

    expect(
      sqlite
        .prepare('SELECT id, number, status, carrier, tracking_number, created_by, created_at FROM return_batches')
        .all()
    ).toEqual(before)
    expect(sqlite.prepare('SELECT cancelled_by, cancelled_at FROM return_batches').all()).toEqual([
      { cancelled_by: null, cancelled_at: null },
      { cancelled_by: null, cancelled_at: null }
    ])
    expect(sqlite.prepare('SELECT id, batch_id FROM faulty_parts ORDER BY id').all()).toEqual([
      { id: 'f1', batch_id: 'rb1' },
      { id: 'f2', batch_id: 'rb2' }
    ])
    expect(sqlite.prepare('SELECT batch_id FROM hq_return_batch_status').pluck().all()).toEqual(['rb2'])
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.prepare(`SELECT name FROM sqlite_schema WHERE name LIKE 'return_batches_%'`).all()).toEqual([])
    sqlite.close()
  })

  it('still holds the references: no faulty part or HQ receipt may name a batch that is not there', () => {
    const sqlite = shopWithBatches()
    migrate(sqlite, allMigrations)
    expect(() => sqlite.prepare(`UPDATE faulty_parts SET batch_id = 'nowhere' WHERE id = 'f1'`).run()).toThrow(
      /FOREIGN KEY/
    )
    expect(() => sqlite.prepare(`DELETE FROM return_batches WHERE id = 'rb2'`).run()).toThrow(/FOREIGN KEY/)
    sqlite.close()
  })

  it('admits a cancelled batch only with when it was cancelled', () => {
    const sqlite = shopWithBatches()
    migrate(sqlite, allMigrations)
    const cancel = sqlite.prepare(`UPDATE return_batches SET status = 'cancelled', cancelled_by = 'u1', cancelled_at = ?
      WHERE id = 'rb1'`)
    expect(() => sqlite.prepare(`UPDATE return_batches SET status = 'cancelled' WHERE id = 'rb1'`).run()).toThrow(
      /CHECK/
    )
    expect(() => sqlite.prepare(`UPDATE return_batches SET status = 'lost' WHERE id = 'rb1'`).run()).toThrow(/CHECK/)
    cancel.run(AT)
    expect(sqlite.prepare(`SELECT status FROM return_batches WHERE id = 'rb1'`).pluck().get()).toBe('cancelled')
    sqlite.close()
  })
})
