import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../../../src-main/db/migrator'
import { partsSettled } from '../../../src-main/features/reports/summaries/partsSettled'
import { billScreen, screenJobsBefore, stepsAround, STAMP, type ScreenJobsShop } from './screenJobsBefore'

/**
 * A shop whose parts were summed before the step that sums them as their jobs were settled: a
 * screen (price 300, cost 200) on each of three jobs, billed before the step:
 * - a paid job with 70 off its 350 (labour 50): the screen earned its full 300;
 * - a 三包 job whose claim HQ rejected: the screen still counted as 300 earned from the brand;
 * - a paid job whose screen the customer handed back, scrapped at once: it cost nothing.
 * The step recomputes the sums from the lines, and its triggers keep them after.
 */
const { before, withStep } = stepsAround(partsSettled)

let shop: ScreenJobsShop
const run = (statement: string, ...values: unknown[]) => shop.run(statement, ...values)
const partSums = (table: string) =>
  shop.sqlite
    .prepare(
      `SELECT quantity, revenue_fen AS revenue, cost_fen AS cost, brand_fen AS brand, shop_cost_fen AS shopCost
       FROM ${table} WHERE dim = 'part' ${table === 'report_part_slice_months' ? "AND sdim = 'category'" : ''}`
    )
    .get()

beforeAll(() => {
  shop = screenJobsBefore(before, [
    ['discounted', 'paid_repair'],
    ['rejected', 'warranty_repair'],
    ['scrapped', 'paid_repair']
  ])
  const bill = (id: string, payer: string, customerLinesFen: number, discountFen: number) =>
    billScreen(shop, {
      id: `i-${id}`,
      number: `INV-${id}`,
      workOrderId: id,
      linesFen: 35000,
      brandFen: payer === 'brand' ? 35000 : 0,
      customerLinesFen,
      discountFen,
      line: { id: `il-${id}`, sourceId: `wp-${id}`, quantity: 1, unitPriceFen: 30000, payer }
    })
  bill('discounted', 'customer', 35000, 7000)
  bill('rejected', 'brand', 0, 0)
  run(`INSERT INTO warranty_claims (id, work_order_id, invoice_id, amount_fen, lines_json, status, created_at)
    VALUES ('claim', 'rejected', 'i-rejected', 35000, '[]', 'rejected', '${STAMP}')`)
  bill('scrapped', 'customer', 35000, 0)
  billScreen(shop, {
    id: 'cn',
    number: 'CN-1',
    kind: 'credit_note',
    workOrderId: 'scrapped',
    correctsInvoiceId: 'i-scrapped',
    linesFen: -30000,
    customerLinesFen: -30000,
    line: { id: 'cn-1', sourceId: 'il-scrapped', quantity: 1, unitPriceFen: -30000, payer: 'customer' }
  })
  // The screen handed back: into stock at the value it left with, and out again at once as scrap.
  handBack('wp-scrapped', 'scrapped', 'scrap', STAMP)
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
  shop.sqlite.close()
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
    migrate(shop.sqlite, withStep)
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
