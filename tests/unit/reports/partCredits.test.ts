import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callOk, closeApp } from '../helpers'
import { figureOf, MARCH, reportShop, tableOf, type ReportShop } from './fixtures'
import type { Input } from '../../../src-shared/contract'

/**
 * Parts the customer was paid back for. March's shop (fixtures.ts) earns 680 on three parts at a
 * cost of 450. A paid job of technician A then bills two screens P1 (price 300, cost 200 each) to
 * the customer; a credit note takes 100 off the first (a goodwill refund, the screen stays
 * fitted) and all 300 off the second, which the customer hands back. The screens earn 200, not
 * 600 (nor 300, the first at its price), and the one handed back neither earns nor costs.
 */
let shop: ReportShop
beforeAll(async () => {
  shop = await reportShop()
  const db = shop.app.sqlite
  const run = (statement: string, ...values: unknown[]) => db.prepare(statement).run(...values)
  run(`INSERT INTO devices (id, customer_id, brand, model, serial, created_at, updated_at)
    VALUES ('dk', 'c1', 'Huawei', 'P60', 'SN-CREDIT', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`)
  run(
    `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
       reported_fault, condition_json, accessories_json, technician_id, created_at, updated_at)
     VALUES ('k', 'WO-k', '000000', 'c1', 'dk', 'paid_repair', 'walk_in', 'received', '不开机', '{}', '{}', ?,
       '2026-03-20T01:00:00.000Z', '2026-03-20T01:00:00.000Z')`,
    shop.techA.user.id
  )
  for (const id of ['k1', 'k2'])
    run(`INSERT INTO work_order_parts (id, work_order_id, part_id, quantity, returned_quantity, unit_price_fen,
        unit_cost_fen, cost_value_fen, returned_value_fen, issued_at)
      VALUES ('wp-${id}', 'k', 'P1', 1, 0, 30000, 20000, 20000, 0, '2026-03-20T02:00:00.000Z')`)
  const document = (id: string, kind: string, corrects: string | null, fen: number, at: string) =>
    run(
      `INSERT INTO invoices (id, number, kind, work_order_id, corrects_invoice_id, lines_fen, brand_fen, customer_lines_fen,
         discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
       VALUES (?, ?, ?, 'k', ?, ?, 0, ?, 0, 0, ?, 0, ?)`,
      id,
      id.toUpperCase(),
      kind,
      corrects,
      fen,
      fen,
      fen,
      at
    )
  const line = (id: string, invoiceId: string, sourceId: string, fen: number) =>
    run(
      `INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
         amount_fen, payer) VALUES (?, ?, 0, 'part', ?, '屏幕 P1', 1, ?, ?, 'customer')`,
      id,
      invoiceId,
      sourceId,
      fen,
      fen
    )
  document('inv-k', 'invoice', null, 60_000, '2026-03-21T02:00:00.000Z')
  line('il-k1', 'inv-k', 'wp-k1', 30_000)
  line('il-k2', 'inv-k', 'wp-k2', 30_000)
  document('cn-k', 'credit_note', 'inv-k', -40_000, '2026-03-25T02:00:00.000Z')
  line('cn-k1', 'cn-k', 'il-k1', -10_000)
  line('cn-k2', 'cn-k', 'il-k2', -30_000)
  // The second screen handed back with the note (checkout's takeBackBilledPart).
  run(`UPDATE work_order_parts SET returned_quantity = 1, returned_value_fen = 20000 WHERE id = 'wp-k2'`)
})
afterAll(async () => {
  await closeApp(shop.app)
})

const run = (input: Partial<Input<'reports.run'>>) =>
  callOk(shop.app, 'reports.run', { ...MARCH, report: 'parts' as const, ...input }, shop.manager.token)

describe('parts credited on a credit note', () => {
  it('earn what the invoice billed less what the notes took off', async () => {
    for (const range of [MARCH, { from: '2026-03-02', to: '2026-03-30' }]) {
      for (const filter of [{}, { technicianId: shop.techA.user.id }]) {
        const report = await run({ ...range, ...filter })
        const p1 = tableOf(report, 'byPart').find((row) => row.partNumber === 'P1')
        // Technician A: job 1's screen (300, cost 200) and the credited ones; the shop: the laptop's too.
        const others = 'technicianId' in filter ? 1 : 2
        expect(p1).toMatchObject({ quantity: others + 1, revenueFen: others * 30_000 + 20_000 })
        expect(p1).toMatchObject({ costFen: others * 20_000 + 20_000 })
      }
    }
    expect(figureOf(await run({}), 'revenueFen')).toBe(68_000 + 20_000)
  })
})
