import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { generateDemo, scaledHistory } from '../../../tools/demo/generate'

/**
 * The demo generator goes through the real operations, so a business rule it does not follow
 * (a hand-over before checkout, a discount without a manager, a bill that is not the quote)
 * stops it. A tiny history must run to the end with jobs handed back, in progress and settled.
 */
describe('demo generator', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-generator-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('makes a small shop to the end, every collected job checked out', { timeout: 300_000 }, async () => {
    const byStatus = await generateDemo(dataDir, scaledHistory(0.02), () => {})

    for (const status of ['picked_up', 'returned_unrepaired', 'cancelled', 'ready_for_pickup'])
      expect(byStatus.get(status) ?? 0, status).toBeGreaterThan(0)
    const db = new Database(join(dataDir, 'service-center.sqlite'), { readonly: true })
    try {
      const uncheckedPickups = db
        .prepare(
          `SELECT count(*) FROM work_orders w WHERE w.status = 'picked_up'
             AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.work_order_id = w.id AND i.kind = 'invoice')
             AND (EXISTS (SELECT 1 FROM work_order_labour l WHERE l.work_order_id = w.id)
               OR EXISTS (SELECT 1 FROM work_order_parts p WHERE p.work_order_id = w.id AND p.returned_quantity < p.quantity))`
        )
        .pluck()
        .get()
      expect(uncheckedPickups).toBe(0)
      expect(db.prepare(`SELECT count(*) FROM invoices WHERE kind = 'invoice'`).pluck().get()).toBeGreaterThan(0)
      // A part's page shows when it was last updated: its models are linked just after its last stock
      // movement, so no part reads as updated before that movement, nor at the moment the demo was made.
      const updatedOutOfStory = db
        .prepare(
          `SELECT p.part_number FROM parts p, (SELECT part_id, max(at) AS last FROM stock_movements GROUP BY part_id) m
            WHERE m.part_id = p.id
              AND (p.updated_at < m.last OR julianday(p.updated_at) - julianday(m.last) > 5.0 / 1440)`
        )
        .pluck()
        .all()
      expect(updatedOutOfStory).toEqual([])
    } finally {
      db.close()
    }
  })
})
