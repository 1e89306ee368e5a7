import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../../../src-main/db/migrator'
import { partPayers } from '../../../src-main/features/reports/summaries/partPayers'
import { billScreen, screenJobsBefore, stepsAround, type ScreenJobsShop } from './screenJobsBefore'

/**
 * A shop whose parts were summed before the step that sums them by payer: its free comeback's
 * part counted at its price. The step recomputes the sums from the lines, and its triggers keep
 * them after.
 */
const { before, withStep } = stepsAround(partPayers)

let shop: ScreenJobsShop
const run = (statement: string, ...values: unknown[]) => shop.run(statement, ...values)
const sums = (table: string) =>
  shop.sqlite
    .prepare(
      `SELECT dim, key, quantity, revenue_fen AS revenue, cost_fen AS cost FROM ${table}
       WHERE lines != 0 ${table === 'report_part_slice_months' ? "AND sdim = 'technician'" : ''} ORDER BY dim, key`
    )
    .all()

beforeAll(() => {
  shop = screenJobsBefore(before, [
    ['paid', 'paid_repair'],
    ['free', 'shop_warranty_repair']
  ])
  billScreen(shop, {
    id: 'i',
    number: 'INV-1',
    workOrderId: 'free',
    linesFen: 30000,
    shopFen: 30000,
    customerLinesFen: 0,
    line: { id: 'il', sourceId: 'wp-free', quantity: 1, unitPriceFen: 30000, payer: 'shop' }
  })
})
afterAll(() => {
  shop.sqlite.close()
})

describe('the step that sums used parts by payer, over a shop that had parts already', () => {
  it('recomputes the sums kept before it: the free part earns nothing', () => {
    // Before: both screens at their price.
    expect(sums('report_part_months')).toEqual([
      { dim: 'category', key: 'mobile_phone', quantity: 2, revenue: 60000, cost: 40000 },
      { dim: 'part', key: 'P1', quantity: 2, revenue: 60000, cost: 40000 }
    ])
    migrate(shop.sqlite, withStep)
    const after = [
      { dim: 'category', key: 'mobile_phone', quantity: 2, revenue: 30000, cost: 40000 },
      { dim: 'part', key: 'P1', quantity: 2, revenue: 30000, cost: 40000 }
    ]
    expect(sums('report_part_months')).toEqual(after)
    // Within the job's technician (none here), the same.
    expect(sums('report_part_slice_months')).toEqual(after)
    expect(
      shop.sqlite.prepare(`SELECT shop_quantity, shop_cost_fen FROM report_part_months WHERE dim = 'part'`).get()
    ).toEqual({ shop_quantity: 1, shop_cost_fen: 20000 })
  })

  it('and its triggers keep them: the free part handed back leaves nothing of it', () => {
    run(`UPDATE work_order_parts SET returned_quantity = 1, returned_value_fen = 20000 WHERE id = 'wp-free'`)
    expect(sums('report_part_months')).toEqual([
      { dim: 'category', key: 'mobile_phone', quantity: 1, revenue: 30000, cost: 20000 },
      { dim: 'part', key: 'P1', quantity: 1, revenue: 30000, cost: 20000 }
    ])
  })
})
