import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allMigrations } from '../../../src-main/db/migrations'
import { migrate } from '../../../src-main/db/migrator'
import { partsSettled } from '../../../src-main/features/reports/summaries/partsSettled'

/**
 * A shop whose parts were summed before the step that sums them as their jobs were settled: a
 * screen (price 300, cost 200) on each of three jobs, billed before the step:
 * - a paid job with 70 off its 350 (labour 50): the screen earned its full 300;
 * - a 三包 job whose claim HQ rejected: the screen still counted as 300 earned from the brand;
 * - a paid job whose screen the customer handed back, scrapped at once: it cost nothing.
 * The step recomputes the sums from the lines, and its triggers keep them after. (Run right
 * after the steps before it, whether or not the list names it yet.)
 */
const registered = allMigrations.find((migration) => migration.name === partsSettled.name)
const before = registered ? allMigrations.slice(0, allMigrations.indexOf(registered)) : allMigrations
const withStep = [...before, { ...partsSettled, version: before.length + 1 }]

let sqlite: BetterSqlite3.Database
const run = (statement: string, ...values: unknown[]) => sqlite.prepare(statement).run(...values)
const partSums = (table: string) =>
  sqlite
    .prepare(
      `SELECT quantity, revenue_fen AS revenue, cost_fen AS cost, brand_fen AS brand, shop_cost_fen AS shopCost
       FROM ${table} WHERE dim = 'part' ${table === 'report_part_slice_months' ? "AND sdim = 'category'" : ''}`
    )
    .get()

beforeAll(() => {
  sqlite = new BetterSqlite3(':memory:')
  sqlite.pragma('foreign_keys = ON')
  migrate(sqlite, before)
  const stamp = '2026-03-20T02:00:00.000Z'
  run(`INSERT INTO product_models (id, brand, model, category_key, created_at)
    VALUES ('m', 'Huawei', 'P60', 'mobile_phone', '${stamp}')`)
  run(
    `INSERT INTO customers (id, name, search_text, created_at, updated_at) VALUES ('c', '李四', 'ls', '${stamp}', '${stamp}')`
  )
  run(`INSERT INTO devices (id, customer_id, brand, model, serial, created_at, updated_at)
    VALUES ('d', 'c', 'Huawei', 'P60', 'SN1', '${stamp}', '${stamp}')`)
  run(`INSERT INTO parts (id, part_number, name, unit, selling_price_fen, average_cost_fen, search_text, created_at, updated_at)
    VALUES ('P1', 'P1', '屏幕', 'piece', 30000, 20000, 'p1', '${stamp}', '${stamp}')`)
  const bill = (id: string, payer: string, customerLinesFen: number, discountFen: number) => {
    run(`INSERT INTO invoices (id, number, kind, work_order_id, lines_fen, brand_fen, shop_fen, customer_lines_fen,
        discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
      VALUES ('i-${id}', 'INV-${id}', 'invoice', '${id}', 35000, ${payer === 'brand' ? 35000 : 0}, 0,
        ${customerLinesFen}, ${discountFen}, 0, ${customerLinesFen - discountFen}, 0, '${stamp}')`)
    run(`INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
        amount_fen, payer) VALUES ('il-${id}', 'i-${id}', 0, 'part', 'wp-${id}', '屏幕', 1, 30000, 30000, '${payer}')`)
  }
  for (const [id, serviceType] of [
    ['discounted', 'paid_repair'],
    ['rejected', 'warranty_repair'],
    ['scrapped', 'paid_repair']
  ]) {
    run(
      `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
         reported_fault, condition_json, accessories_json, created_at, updated_at)
       VALUES (?, ?, '000000', 'c', 'd', ?, 'walk_in', 'received', '不开机', '{}', '{}', '${stamp}', '${stamp}')`,
      id,
      `WO-${id}`,
      serviceType
    )
    run(
      `INSERT INTO work_order_parts (id, work_order_id, part_id, quantity, returned_quantity, unit_price_fen, unit_cost_fen,
         cost_value_fen, returned_value_fen, issued_at) VALUES (?, ?, 'P1', 1, 0, 30000, 20000, 20000, 0, '${stamp}')`,
      `wp-${id}`,
      id
    )
  }
  bill('discounted', 'customer', 35000, 7000)
  bill('rejected', 'brand', 0, 0)
  run(`INSERT INTO warranty_claims (id, work_order_id, invoice_id, amount_fen, lines_json, status, created_at)
    VALUES ('claim', 'rejected', 'i-rejected', 35000, '[]', 'rejected', '${stamp}')`)
  bill('scrapped', 'customer', 35000, 0)
  run(`INSERT INTO invoices (id, number, kind, work_order_id, corrects_invoice_id, lines_fen, brand_fen, shop_fen,
      customer_lines_fen, discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
    VALUES ('cn', 'CN-1', 'credit_note', 'scrapped', 'i-scrapped', -30000, 0, 0, -30000, 0, 0, -30000, 0, '${stamp}')`)
  run(`INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
      amount_fen, payer) VALUES ('cn-1', 'cn', 0, 'part', 'il-scrapped', '屏幕', 1, -30000, -30000, 'customer')`)
  // The screen handed back: into stock at the value it left with, and out again at once as scrap.
  handBack('wp-scrapped', 'scrapped', 'scrap', stamp)
  run(`UPDATE work_order_parts SET returned_quantity = 1, returned_value_fen = 20000 WHERE id = 'wp-scrapped'`)
})

/** A unit of a job's screen back into stock at the value it left with, then on (or not) at once. */
function handBack(lineId: string, workOrderId: string, onwards: 'scrap' | 'faulty_return' | null, at: string) {
  const movement = (kind: string, quantity: number, workOrder: string | null) =>
    run(
      `INSERT INTO stock_movements (id, part_id, at, kind, quantity, unit_cost_fen, value_fen, balance_after, reference,
         work_order_id, work_order_part_id) VALUES (?, 'P1', '${at}', ?, ?, 20000, ?, ?, 'CN-1', ?, ?)`,
      `m-${lineId}-${kind}-${at}`,
      kind,
      quantity,
      quantity * 20000,
      quantity > 0 ? 1 : 0,
      workOrder,
      workOrder === null ? null : lineId
    )
  movement('return', 1, workOrderId)
  if (onwards) movement(onwards, -1, null)
}
afterAll(() => {
  sqlite.close()
})

describe('the step that sums used parts as their jobs were settled, over a shop that had them already', () => {
  it('recomputes the sums kept before it', () => {
    // Before: the discounted screen at 300, the rejected one at 300 from the brand, the scrapped one costing nothing.
    expect(partSums('report_part_months')).toEqual({
      quantity: 2,
      revenue: 60000,
      cost: 40000,
      brand: 30000,
      shopCost: 0
    })
    migrate(sqlite, withStep)
    // After: 300 x 280 / 350 = 240 earned; the rejected screen the shop's cost; the scrapped one cost 200.
    const after = { quantity: 2, revenue: 24000, cost: 60000, brand: 0, shopCost: 20000 }
    expect(partSums('report_part_months')).toEqual(after)
    // Within the jobs' category, the same.
    expect(partSums('report_part_slice_months')).toEqual(after)
  })

  it('and its triggers keep them: the rejection turned into an approval, the brand pays again', () => {
    run(`UPDATE warranty_claims SET status = 'submitted' WHERE id = 'claim'`)
    const after = { quantity: 2, revenue: 54000, cost: 60000, brand: 30000, shopCost: 0 }
    expect(partSums('report_part_months')).toEqual(after)
    expect(partSums('report_part_slice_months')).toEqual(after)
  })

  it('and a line of two handed back one at a time: the faulty unit still costs, the resellable one does not', () => {
    run(`INSERT INTO work_order_parts (id, work_order_id, part_id, quantity, returned_quantity, unit_price_fen, unit_cost_fen,
       cost_value_fen, returned_value_fen, issued_at)
       VALUES ('wp-two', 'scrapped', 'P1', 2, 0, 30000, 20000, 40000, 0, '2026-03-20T02:00:00.000Z')`)
    handBack('wp-two', 'scrapped', 'faulty_return', '2026-03-21T02:00:00.000Z')
    run(`UPDATE work_order_parts SET returned_quantity = 1, returned_value_fen = 20000 WHERE id = 'wp-two'`)
    handBack('wp-two', 'scrapped', null, '2026-03-22T02:00:00.000Z')
    run(`UPDATE work_order_parts SET returned_quantity = 2, returned_value_fen = 40000 WHERE id = 'wp-two'`)
    // Unbilled, the line earns its price on the units not returned: none. The faulty unit cost 200.
    const after = { quantity: 2, revenue: 54000, cost: 80000, brand: 30000, shopCost: 0 }
    expect(partSums('report_part_months')).toEqual(after)
    expect(partSums('report_part_slice_months')).toEqual(after)
  })
})
