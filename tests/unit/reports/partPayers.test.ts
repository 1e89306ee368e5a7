import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callOk, closeApp } from '../helpers'
import { figureOf, MARCH, reportShop, tableOf, type ReportShop } from './fixtures'
import type { Input } from '../../../src-shared/contract'

/**
 * Parts the customer did not pay for. March's shop (fixtures.ts) has three parts the customer or
 * the brand pays (P1 on a paid job and on the laptop, P2 on a 三包 job not billed yet); these add,
 * all by technician A on Huawei P60 phones, issued in March:
 * - a comeback reopened free under the shop's own repair warranty, its screen P1 (price 300, cost
 *   200) billed to the shop: it earns nothing and costs 200;
 * - a 三包 job billed with its battery P2 (price 80, cost 50) to the brand and a screen P1 the
 *   customer broke to the customer: 80 claimed, 300 paid;
 * - a 三包 job not billed yet with a battery P2: the brand's, as its job starts.
 */
let shop: ReportShop
beforeAll(async () => {
  shop = await reportShop()
  const db = shop.app.sqlite
  const run = (statement: string, ...values: unknown[]) => db.prepare(statement).run(...values)
  run(`INSERT INTO devices (id, customer_id, brand, model, serial, created_at, updated_at)
    VALUES ('dp', 'c1', 'Huawei', 'P60', 'SN-PAYERS', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`)
  const job = (id: string, serviceType: string, reopenedFromId: string | null) =>
    run(
      `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
         reported_fault, condition_json, accessories_json, technician_id, reopened_from_id, created_at, updated_at)
       VALUES (?, ?, '000000', 'c1', 'dp', ?, 'walk_in', 'received', '不开机', '{}', '{}', ?, ?,
         '2026-03-20T01:00:00.000Z', '2026-03-20T01:00:00.000Z')`,
      id,
      `WO-${id}`,
      serviceType,
      shop.techA.user.id,
      reopenedFromId
    )
  const part = (id: string, workOrderId: string, partId: string, priceFen: number, costFen: number) =>
    run(
      `INSERT INTO work_order_parts (id, work_order_id, part_id, quantity, returned_quantity, unit_price_fen, unit_cost_fen,
         cost_value_fen, returned_value_fen, issued_at)
       VALUES (?, ?, ?, 1, 0, ?, ?, ?, 0, '2026-03-20T02:00:00.000Z')`,
      id,
      workOrderId,
      partId,
      priceFen,
      costFen,
      costFen
    )
  const bill = (workOrderId: string, lines: [partLineId: string, amountFen: number, payer: string][]) => {
    const fen = (payer: string) => lines.filter((l) => l[2] === payer).reduce((sum, l) => sum + l[1], 0)
    run(
      `INSERT INTO invoices (id, number, kind, work_order_id, lines_fen, brand_fen, shop_fen, customer_lines_fen,
         discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
       VALUES (?, ?, 'invoice', ?, ?, ?, ?, ?, 0, 0, ?, 0, '2026-03-21T02:00:00.000Z')`,
      `inv-${workOrderId}`,
      `INV-${workOrderId}`,
      workOrderId,
      fen('customer') + fen('brand') + fen('shop'),
      fen('brand'),
      fen('shop'),
      fen('customer'),
      fen('customer')
    )
    lines.forEach(([lineId, amountFen, payer], position) =>
      run(
        `INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
           amount_fen, payer) VALUES (?, ?, ?, 'part', ?, '配件', 1, ?, ?, ?)`,
        `il-${lineId}`,
        `inv-${workOrderId}`,
        position,
        lineId,
        amountFen,
        amountFen,
        payer
      )
    )
  }
  job('free', 'shop_warranty_repair', shop.jobs[0]!)
  part('wp-free', 'free', 'P1', 30_000, 20_000)
  bill('free', [['wp-free', 30_000, 'shop']])
  job('sanbao', 'warranty_repair', null)
  part('wp-sanbao-battery', 'sanbao', 'P2', 8_000, 5_000)
  part('wp-sanbao-screen', 'sanbao', 'P1', 30_000, 20_000)
  bill('sanbao', [
    ['wp-sanbao-battery', 8_000, 'brand'],
    ['wp-sanbao-screen', 30_000, 'customer']
  ])
  job('unbilled', 'warranty_repair', null)
  part('wp-unbilled', 'unbilled', 'P2', 8_000, 5_000)
})
afterAll(async () => {
  await closeApp(shop.app)
})

const run = (input: Partial<Input<'reports.run'>>) =>
  callOk(shop.app, 'reports.run', { ...MARCH, report: 'parts' as const, ...input }, shop.manager.token)

// Whole March (read from the monthly sums) and a range that is not whole months (the lines).
const RANGES = [MARCH, { from: '2026-03-02', to: '2026-03-30' }]

describe('parts the customer did not pay for', () => {
  it('a part given free under the shop warranty earns nothing and costs what left stock', async () => {
    for (const range of RANGES) {
      const report = await run(range)
      // Customer: 300 + 300 + 300; brand: 80 + 80 + 80; the shop's screen: nothing, at a cost of 200.
      expect(figureOf(report, 'quantity')).toBe(7)
      expect(figureOf(report, 'revenueFen')).toBe(90_000 + 24_000)
      expect(figureOf(report, 'costFen')).toBe(60_000 + 15_000 + 20_000)
      expect(figureOf(report, 'marginFen')).toBe(114_000 - 95_000)
      expect(figureOf(report, 'brandFen')).toBe(24_000)
      expect(figureOf(report, 'shopCostFen')).toBe(20_000)
      expect(
        tableOf(report, 'byPart').map((row) => [row.partNumber, row.quantity, row.revenueFen, row.costFen])
      ).toEqual([
        ['P1', 4, 90_000, 80_000],
        ['P2', 3, 24_000, 15_000]
      ])
    }
  })

  it('says which parts are counted how: paid by the customer, claimed from the brand, given by the shop', async () => {
    for (const range of RANGES) {
      expect(tableOf(await run(range), 'byPayer')).toEqual([
        { payer: 'customer', quantity: 3, revenueFen: 90_000, costFen: 60_000, marginFen: 30_000, marginRate: 1 / 3 },
        { payer: 'brand', quantity: 3, revenueFen: 24_000, costFen: 15_000, marginFen: 9_000, marginRate: 0.375 },
        { payer: 'shop', quantity: 1, revenueFen: 0, costFen: 20_000, marginFen: -20_000, marginRate: null }
      ])
    }
  })

  it('within one technician too (the sums kept within a technician, and the lines)', async () => {
    for (const range of RANGES) {
      const report = await run({ ...range, technicianId: shop.techA.user.id })
      // Technician A: job 1's screen (customer) and the three jobs above.
      expect(tableOf(report, 'byPayer')).toEqual([
        { payer: 'customer', quantity: 2, revenueFen: 60_000, costFen: 40_000, marginFen: 20_000, marginRate: 1 / 3 },
        { payer: 'brand', quantity: 2, revenueFen: 16_000, costFen: 10_000, marginFen: 6_000, marginRate: 0.375 },
        { payer: 'shop', quantity: 1, revenueFen: 0, costFen: 20_000, marginFen: -20_000, marginRate: null }
      ])
      expect(figureOf(report, 'revenueFen')).toBe(76_000)
    }
  })
})
