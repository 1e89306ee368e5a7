import BetterSqlite3 from 'better-sqlite3'
import type { Migration } from '../../../src-main/db/migration'
import { allMigrations } from '../../../src-main/db/migrations'
import { migrate } from '../../../src-main/db/migrator'

/** When every row of these shops was written (local 20 March 2026). */
export const STAMP = '2026-03-20T02:00:00.000Z'

/**
 * The steps a shop had before a reports step, and the same with the step appended: the step runs
 * right after the steps before it, whether or not the list names it yet.
 */
export function stepsAround(step: Migration): { before: readonly Migration[]; withStep: Migration[] } {
  const registered = allMigrations.find((migration) => migration.name === step.name)
  const before = registered ? allMigrations.slice(0, allMigrations.indexOf(registered)) : allMigrations
  return { before, withStep: [...before, { ...step, version: before.length + 1 }] }
}

export interface ScreenJobsShop {
  sqlite: BetterSqlite3.Database
  run: (statement: string, ...values: unknown[]) => BetterSqlite3.RunResult
}

/**
 * A shop as `before` left it, its parts already summed by that release: customer `c` with a Huawei
 * P60 (`d`, model `m`, mobile_phone), screen `P1` (price 300, cost 200), and per `[id, serviceType]`
 * a job `id` (number `WO-<id>`) with one screen issued to it, line `wp-<id>`.
 */
export function screenJobsBefore(
  before: readonly Migration[],
  jobs: readonly (readonly [id: string, serviceType: string])[]
): ScreenJobsShop {
  const sqlite = new BetterSqlite3(':memory:')
  sqlite.pragma('foreign_keys = ON')
  migrate(sqlite, before)
  const run = (statement: string, ...values: unknown[]) => sqlite.prepare(statement).run(...values)
  run(`INSERT INTO product_models (id, brand, model, category_key, created_at)
    VALUES ('m', 'Huawei', 'P60', 'mobile_phone', '${STAMP}')`)
  run(
    `INSERT INTO customers (id, name, search_text, created_at, updated_at) VALUES ('c', '李四', 'ls', '${STAMP}', '${STAMP}')`
  )
  run(`INSERT INTO devices (id, customer_id, brand, model, serial, created_at, updated_at)
    VALUES ('d', 'c', 'Huawei', 'P60', 'SN1', '${STAMP}', '${STAMP}')`)
  run(`INSERT INTO parts (id, part_number, name, unit, selling_price_fen, average_cost_fen, search_text, created_at, updated_at)
    VALUES ('P1', 'P1', '屏幕', 'piece', 30000, 20000, 'p1', '${STAMP}', '${STAMP}')`)
  for (const [id, serviceType] of jobs) {
    run(
      `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
         reported_fault, condition_json, accessories_json, created_at, updated_at)
       VALUES (?, ?, '000000', 'c', 'd', ?, 'walk_in', 'received', '不开机', '{}', '{}', '${STAMP}', '${STAMP}')`,
      id,
      `WO-${id}`,
      serviceType
    )
    run(
      `INSERT INTO work_order_parts (id, work_order_id, part_id, quantity, returned_quantity, unit_price_fen, unit_cost_fen,
         cost_value_fen, returned_value_fen, issued_at) VALUES (?, ?, 'P1', 1, 0, 30000, 20000, 20000, 0, '${STAMP}')`,
      `wp-${id}`,
      id
    )
  }
  return { sqlite, run }
}

/** An invoice or credit note of a job as such a release wrote it (no deposit), with its screen line at position 0. */
export function billScreen(
  { run }: ScreenJobsShop,
  bill: {
    id: string
    number: string
    kind?: 'invoice' | 'credit_note'
    workOrderId: string
    correctsInvoiceId?: string
    linesFen: number
    brandFen?: number
    shopFen?: number
    customerLinesFen: number
    discountFen?: number
    line: { id: string; sourceId: string; quantity: number; unitPriceFen: number; payer: string }
  }
): void {
  const discountFen = bill.discountFen ?? 0
  run(
    `INSERT INTO invoices (id, number, kind, work_order_id, corrects_invoice_id, lines_fen, brand_fen, shop_fen,
       customer_lines_fen, discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, '${STAMP}')`,
    bill.id,
    bill.number,
    bill.kind ?? 'invoice',
    bill.workOrderId,
    bill.correctsInvoiceId ?? null,
    bill.linesFen,
    bill.brandFen ?? 0,
    bill.shopFen ?? 0,
    bill.customerLinesFen,
    discountFen,
    bill.customerLinesFen - discountFen
  )
  const { line } = bill
  run(
    `INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
       amount_fen, payer) VALUES (?, ?, 0, 'part', ?, '屏幕', ?, ?, ?, ?)`,
    line.id,
    bill.id,
    line.sourceId,
    line.quantity,
    line.unitPriceFen,
    line.quantity * line.unitPriceFen,
    line.payer
  )
}
