import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../../../src-main/db/migrator'
import { partCreditsLater } from '../../../src-main/features/reports/summaries/partCreditsLater'
import { stepsAround } from './screenJobsBefore'

/**
 * A shop upgraded to the step that credits a part returned after the pick-up in its own month.
 * Two screens (price 300, cost 200 each) were fitted on 23 January 2026 and the job picked up
 * that day; one came back with a credit note of 300 at 00:30 on 1 February in Shanghai (16:30
 * UTC on 31 January). Another job's screen, issued the same day, was returned on 2 February
 * while its job was still open. Before the step the return after the pick-up had changed January;
 * after it January is as it was at the pick-up and February holds the return. (Run right after
 * the steps before it, whether or not the list names it yet: `stepsAround`.)
 */
const { before, withStep } = stepsAround(partCreditsLater)

const ISSUED = '2026-01-23T03:00:00.000Z'
const FIRST_OF_FEBRUARY_HALF_PAST_MIDNIGHT = '2026-01-31T16:30:00.000Z'

let sqlite: BetterSqlite3.Database
const run = (statement: string, ...values: unknown[]) => sqlite.prepare(statement).run(...values)
const months = (table: string) =>
  sqlite
    .prepare(
      `SELECT month, lines, quantity, revenue_fen AS revenue, cost_fen AS cost FROM ${table}
       WHERE dim = 'part' ${table === 'report_part_slice_months' ? "AND sdim = 'category'" : ''}
         AND (lines != 0 OR quantity != 0 OR revenue_fen != 0 OR cost_fen != 0) ORDER BY month`
    )
    .all()

/** A unit of a line back into stock at the value it left with (then scrapped at once, if told), under a reference. */
function handBack(lineId: string, workOrderId: string, at: string, reference: string, scrapped = false) {
  const movement = (kind: string, quantity: number, workOrder: string | null) =>
    run(
      `INSERT INTO stock_movements (id, part_id, at, kind, quantity, unit_cost_fen, value_fen, balance_after, reference,
         work_order_id, work_order_part_id) VALUES (?, 'P1', ?, ?, ?, 20000, ?, 1, ?, ?, ?)`,
      `m-${lineId}-${kind}-${at}`,
      at,
      kind,
      quantity,
      quantity * 20000,
      reference,
      workOrder,
      workOrder === null ? null : lineId
    )
  movement('return', 1, workOrderId)
  if (scrapped) movement('scrap', -1, null)
  run(
    `UPDATE work_order_parts SET returned_quantity = returned_quantity + 1, returned_value_fen = returned_value_fen + 20000
     WHERE id = ?`,
    lineId
  )
}

beforeAll(() => {
  sqlite = new BetterSqlite3(':memory:')
  sqlite.pragma('foreign_keys = ON')
  migrate(sqlite, before)
  run(`INSERT INTO product_models (id, brand, model, category_key, created_at)
    VALUES ('m', 'Huawei', 'P60', 'mobile_phone', '${ISSUED}')`)
  run(
    `INSERT INTO customers (id, name, search_text, created_at, updated_at) VALUES ('c', '李四', 'ls', '${ISSUED}', '${ISSUED}')`
  )
  run(`INSERT INTO devices (id, customer_id, brand, model, serial, created_at, updated_at)
    VALUES ('d', 'c', 'Huawei', 'P60', 'SN1', '${ISSUED}', '${ISSUED}')`)
  run(`INSERT INTO parts (id, part_number, name, unit, selling_price_fen, average_cost_fen, search_text, created_at, updated_at)
    VALUES ('P1', 'P1', '屏幕', 'piece', 30000, 20000, 'p1', '${ISSUED}', '${ISSUED}')`)
  for (const [id, status, pickedUpAt, quantity] of [
    ['done', 'picked_up', '2026-01-23T08:00:00.000Z', 2],
    ['open', 'repairing', null, 1]
  ] as const) {
    run(
      `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
         reported_fault, condition_json, accessories_json, picked_up_at, created_at, updated_at)
       VALUES (?, ?, '000000', 'c', 'd', 'paid_repair', 'walk_in', ?, '不开机', '{}', '{}', ?, '${ISSUED}', '${ISSUED}')`,
      id,
      `WO-${id}`,
      status,
      pickedUpAt
    )
    run(
      `INSERT INTO work_order_parts (id, work_order_id, part_id, quantity, returned_quantity, unit_price_fen, unit_cost_fen,
         cost_value_fen, returned_value_fen, issued_at) VALUES (?, ?, 'P1', ?, 0, 30000, 20000, ?, 0, '${ISSUED}')`,
      `wp-${id}`,
      id,
      quantity,
      quantity * 20000
    )
  }
  const invoice = (id: string, kind: string, corrects: string | null, fen: number, at: string) =>
    run(
      `INSERT INTO invoices (id, number, kind, work_order_id, corrects_invoice_id, lines_fen, brand_fen, shop_fen,
         customer_lines_fen, discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
       VALUES (?, ?, ?, 'done', ?, ?, 0, 0, ?, 0, 0, ?, 0, ?)`,
      id,
      id.toUpperCase(),
      kind,
      corrects,
      fen,
      fen,
      fen,
      at
    )
  invoice('inv', 'invoice', null, 60000, '2026-01-23T07:00:00.000Z')
  run(`INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
      amount_fen, payer) VALUES ('il', 'inv', 0, 'part', 'wp-done', '屏幕', 2, 30000, 60000, 'customer')`)
  invoice('cn', 'credit_note', 'inv', -30000, FIRST_OF_FEBRUARY_HALF_PAST_MIDNIGHT)
  run(`INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
      amount_fen, payer) VALUES ('cn-1', 'cn', 0, 'part', 'il', '屏幕', 1, -30000, -30000, 'customer')`)
  handBack('wp-done', 'done', FIRST_OF_FEBRUARY_HALF_PAST_MIDNIGHT, 'CN')
  handBack('wp-open', 'open', '2026-02-02T02:00:00.000Z', 'WO-open')
})
afterAll(() => {
  sqlite.close()
})

describe('the step that credits a part returned after the pick-up in its own month, over a shop that had one', () => {
  it('puts January back as it was at the pick-up and the return in February', () => {
    // Before: the return after the pick-up had taken one screen and its 300 off January.
    expect(months('report_part_months')).toEqual([
      { month: '2026-01', lines: 2, quantity: 1, revenue: 30000, cost: 20000 }
    ])
    migrate(sqlite, withStep)
    // The open job's screen, returned before any pick-up, stays undone in January. February's
    // lines are two events: the credit note's line and the ledger's return.
    const after = [
      { month: '2026-01', lines: 2, quantity: 2, revenue: 60000, cost: 40000 },
      { month: '2026-02', lines: 2, quantity: -1, revenue: -30000, cost: -20000 }
    ]
    expect(months('report_part_months')).toEqual(after)
    expect(months('report_part_slice_months')).toEqual(after)
  })

  it('and its triggers credit the next one in its month: a screen scrapped on its return in March still costs', () => {
    handBack('wp-done', 'done', '2026-03-05T02:00:00.000Z', 'CN-2', true)
    const after = [
      { month: '2026-01', lines: 2, quantity: 2, revenue: 60000, cost: 40000 },
      { month: '2026-02', lines: 2, quantity: -1, revenue: -30000, cost: -20000 },
      { month: '2026-03', lines: 1, quantity: -1, revenue: 0, cost: 0 }
    ]
    expect(months('report_part_months')).toEqual(after)
    expect(months('report_part_slice_months')).toEqual(after)
  })
})
