import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeApp, type InitializedApp } from '../helpers'
import { benchSeededShop, creditAfterPickUp, rejectAfterPickUp } from './fixtures'
import { runReport } from '../../../src-main/features/reports/run'
import { SUMS_BACKFILL } from '../../bench/reportsBackfill'
import { REPORTS, reportQuerySchema, type ReportName } from '../../../src-shared/contract/reports'

/**
 * A random shop: two years of jobs as the benchmark seeds them (through the app's triggers), then
 * corrected the ways a shop corrects them (durations to the minute, a device's model, a model the
 * catalogue learns late or moves to another category, labour, a
 * claim's status, what the brand paid on it and that amount put right, parts returned, a technician taken off or moved to another, a comeback
 * cancelled, a job's kind of service, parts billed to the customer, the brand or the shop, credit
 * notes, parts handed back and credited after the pick-up). Every report over ranges of whole and broken months, unfiltered and filtered by one
 * technician or one category, must say exactly what the fact rows say.
 */
let shop: InitializedApp
const NOW = new Date('2026-06-15T04:00:00.000Z')

beforeAll(async () => {
  shop = await benchSeededShop({ workOrders: 3_000, devices: 1_500, years: 2, now: NOW })
  const sqlite = shop.app.sqlite
  sqlite.exec(`
    UPDATE report_jobs SET ready_minutes = ready_minutes + unicode(substr(work_order_id, -1)) % 59 - 20,
      pickup_minutes = pickup_minutes + unicode(substr(work_order_id, -2, 1)) % 37
      WHERE unicode(substr(work_order_id, -3, 1)) % 2 = 0;
    UPDATE report_jobs SET ready_minutes = -30 WHERE work_order_id = (SELECT min(work_order_id) FROM report_jobs WHERE ready_minutes IS NOT NULL);
    UPDATE devices SET model = '型号-7', brand = '品牌7' WHERE unicode(substr(id, -1)) % 7 = 0;
    UPDATE work_order_labour SET price_fen = price_fen + 1_00 WHERE unicode(substr(id, -1)) % 5 = 0;
    UPDATE warranty_claims SET status = 'paid' WHERE status = 'open' AND unicode(substr(id, -1)) % 2 = 0;
    INSERT INTO warranty_claim_steps (id, claim_id, status, paid_fen, recorded_by, recorded_at)
      SELECT 'paid-' || id, id, 'paid', amount_fen - amount_fen / 10, (SELECT min(id) FROM users), created_at
      FROM warranty_claims WHERE status = 'paid' AND unicode(substr(id, -2, 1)) % 3 != 0;
    INSERT INTO warranty_claim_steps (id, claim_id, status, paid_fen, recorded_by, recorded_at)
      SELECT 'paid-again-' || id, id, 'paid', amount_fen - amount_fen / 50, (SELECT min(id) FROM users),
        strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+1 day')
      FROM warranty_claims WHERE status = 'paid' AND unicode(substr(id, -2, 1)) % 3 = 1;
    UPDATE work_order_parts SET returned_quantity = quantity, returned_value_fen = cost_value_fen
      WHERE unicode(substr(id, -1)) % 6 = 0;
    UPDATE work_orders SET technician_id = NULL WHERE unicode(substr(id, -1)) % 11 = 0;
    UPDATE work_orders SET technician_id = (SELECT min(technician_id) FROM work_orders)
      WHERE unicode(substr(id, -2, 1)) % 13 = 0;
    UPDATE work_orders SET status = 'cancelled' WHERE reopened_from_id IS NOT NULL AND unicode(substr(id, -1)) % 2 = 0;
    UPDATE work_orders SET service_type = 'shop_warranty_repair' WHERE unicode(substr(id, -1)) % 7 = 3;
    INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
        amount_fen, payer)
      SELECT 'il-' || wp.id, i.id, 0, 'part', wp.id, '', wp.quantity - wp.returned_quantity, wp.unit_price_fen,
        wp.unit_price_fen * (wp.quantity - wp.returned_quantity),
        CASE unicode(substr(wp.id, -1)) % 3 WHEN 0 THEN 'customer' WHEN 1 THEN 'brand' ELSE 'shop' END
      FROM work_order_parts wp JOIN invoices i ON i.work_order_id = wp.work_order_id AND i.kind = 'invoice'
      WHERE unicode(substr(wp.id, -2, 1)) % 2 = 0 AND wp.returned_quantity < wp.quantity;
    INSERT INTO invoices (id, number, kind, work_order_id, corrects_invoice_id, lines_fen, brand_fen,
        customer_lines_fen, discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
      SELECT 'cn-' || i.id, 'CN-' || i.number, 'credit_note', i.work_order_id, i.id, 0, 0, 0, 0, 0, 0, 0, i.issued_at
      FROM invoices i WHERE i.id IN (SELECT invoice_id FROM invoice_lines WHERE id LIKE 'il-%');
    INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
        amount_fen, payer)
      SELECT 'cn-' || il.id, 'cn-' || il.invoice_id, 0, 'part', il.id, '', 1, -(il.amount_fen / 3), -(il.amount_fen / 3),
        il.payer
      FROM invoice_lines il WHERE il.id LIKE 'il-%' AND unicode(substr(il.id, -3, 1)) % 2 = 0;
    UPDATE work_orders SET service_type = 'paid_repair' WHERE unicode(substr(id, -2, 1)) % 5 = 0;
    UPDATE work_order_parts SET returned_quantity = quantity, returned_value_fen = cost_value_fen
      WHERE unicode(substr(id, -1)) % 6 = 1;
  `)
  creditAfterPickUp(sqlite)
  // Corrections after those events: they move with their job's kind, technician, category and claim.
  sqlite.exec(`
    UPDATE work_orders SET service_type = 'shop_warranty_repair' WHERE unicode(substr(id, -1)) % 7 = 5;
    UPDATE work_orders SET technician_id = NULL WHERE unicode(substr(id, -2, 1)) % 11 = 1;
    UPDATE devices SET model = '型号-3', brand = '品牌3' WHERE unicode(substr(id, -1)) % 7 = 1;
    UPDATE devices SET model = '型号-新', brand = '品牌新' WHERE unicode(substr(id, -1)) % 7 = 2;
    INSERT INTO product_models (id, brand, model, category_key, created_at)
      VALUES ('pm-late', '品牌新', '型号-新', 'tv', '2026-06-01T00:00:00.000Z');
    UPDATE product_models SET category_key = 'refrigerator' WHERE id = (SELECT min(id) FROM product_models);
    UPDATE warranty_claims SET status = 'rejected' WHERE unicode(substr(id, -1)) % 5 = 0;
  `)
  // Rejected 40 days after the pick-up: moved in the month of the decision, the months reported stay.
  rejectAfterPickUp(sqlite)
  expect(sqlite.prepare('SELECT count(*) FROM report_part_claim_moves').pluck().get()).toBeGreaterThan(0)
  // Some of them after a credit in an earlier month: the credit moves with the decision.
  expect(sqlite.prepare('SELECT count(*) FROM report_part_credit_claim_moves').pluck().get()).toBeGreaterThan(0)
})
afterAll(async () => {
  await closeApp(shop.app)
})

const RANGES: [string, string][] = [
  ['2025-01-01', '2025-12-31'],
  ['2024-06-15', '2026-06-15'],
  ['2025-03-01', '2025-03-31'],
  ['2025-02-14', '2025-05-20'],
  ['2025-07-01', '2025-09-17'],
  ['2025-10-08', '2025-12-31'],
  ['2026-05-20', '2026-06-10']
]

/** A report over from..to with no filter (or the one given), as dispatch hands it over. */
const queryOf = (report: ReportName, from: string, to: string, filter: Record<string, string> = {}) =>
  reportQuerySchema.parse({ report, from, to, grain: 'week', ...filter })

/** The technician and the category with the most jobs: the filters the slices answer. */
const filters = () => {
  const most = (column: string) =>
    (
      shop.app.sqlite
        .prepare(
          `SELECT ${column} AS key FROM report_jobs WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`
        )
        .get() as { key: string }
    ).key
  return { technician: { technicianId: most('technician_id') }, category: { categoryKey: most('category_key') } }
}

describe('the summaries say what the fact rows say', () => {
  for (const report of REPORTS) {
    it(`${report}, over whole and broken months`, async () => {
      for (const [from, to] of RANGES) {
        const query = queryOf(report, from, to)
        const fromSummaries = await runReport(shop.app.db, query)
        // The seeded shop makes no follow-up calls; every other report has figures to compare.
        if (report !== 'satisfaction')
          expect(fromSummaries.figures.some((figure) => Number(figure.value) > 0)).toBe(true)
        expect(fromSummaries).toEqual(await runReport(shop.app.db, query, true))
      }
    })
  }

  for (const report of REPORTS) {
    it(`${report}, by one technician and by one category, over whole and broken months`, async () => {
      for (const filter of Object.values(filters())) {
        for (const [from, to] of RANGES) {
          const query = queryOf(report, from, to, filter)
          const fromSummaries = await runReport(shop.app.db, query)
          if (report !== 'satisfaction')
            expect(fromSummaries.figures.some((figure) => Number(figure.value) > 0)).toBe(true)
          expect(fromSummaries).toEqual(await runReport(shop.app.db, query, true))
        }
      }
    })
  }

  it('the migration backfills the sums the triggers kept', () => {
    const sqlite = shop.app.sqlite
    // Each table with the count that says whether a row stands for anything.
    const tables = {
      report_job_months: 'jobs',
      report_ready_months: 'finished',
      report_turnaround_months: 'jobs',
      report_part_months: 'lines',
      report_claim_months: 'claims',
      report_claim_days: 'claims',
      report_payment_days: 'payments',
      report_job_slices: 'jobs',
      report_turnaround_pairs: 'jobs',
      report_ready_categories: 'finished',
      report_part_slice_months: 'lines',
      report_payment_slices: 'payments',
      report_claim_slices: 'claims',
      // The events after a pick-up are facts, each row one; the backfill finds them again.
      report_part_credits: '1',
      report_part_claim_moves: '1',
      report_part_credit_claim_moves: '1'
    }
    // A correction can leave a row summing to nothing; the backfill never writes one.
    const snapshot = () =>
      Object.entries(tables).map(([table, count]) =>
        (sqlite.prepare(`SELECT * FROM ${table} WHERE ${count} != 0`).all() as unknown[])
          .map((row) => JSON.stringify(row))
          .sort()
      )
    const kept = snapshot()
    expect(kept.every((rows) => rows.length > 0)).toBe(true)
    // The events' own triggers would add their shares as the backfill writes them: in migrations 55
    // and 63 they come after its backfill, so here they are off while it runs.
    const eventTriggers = sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
           AND tbl_name IN ('report_part_credits', 'report_part_claim_moves', 'report_part_credit_claim_moves')`
      )
      .all() as { name: string; sql: string }[]
    expect(eventTriggers.length).toBeGreaterThan(0)
    sqlite.transaction(() => {
      for (const { name } of eventTriggers) sqlite.exec(`DROP TRIGGER ${name}`)
      for (const table of Object.keys(tables)) sqlite.exec(`DELETE FROM ${table}`)
      // The migrations' backfills (the used parts as migration 51 sums them, no yearly part sums).
      for (const statement of SUMS_BACKFILL) sqlite.exec(statement)
      for (const { sql } of eventTriggers) sqlite.exec(sql)
    })()
    expect(snapshot()).toEqual(kept)
  })

  it('whole months are read from them (a sum put wrong shows in the report)', async () => {
    const query = queryOf('faults', '2025-01-01', '2025-12-31')
    shop.app.sqlite.exec(`UPDATE report_job_months SET jobs = jobs + 1 WHERE dim = 'all' AND month = '2025-04'`)
    const fromSummaries = await runReport(shop.app.db, query)
    const fromFacts = await runReport(shop.app.db, query, true)
    expect(fromSummaries.figures[0]!.value).toBe((fromFacts.figures[0]!.value as number) + 1)
  })
})
