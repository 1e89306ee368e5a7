import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allMigrations } from '../../../src-main/db/migrations'
import { migrate } from '../../../src-main/db/migrator'
import { partPayers } from '../../../src-main/features/reports/summaries/partPayers'

/**
 * A shop whose parts were summed before the step that sums them by payer: its free comeback's
 * part counted at its price. The step recomputes the sums from the lines, and its triggers keep
 * them after. (Run right after the steps before it, whether or not the list names it yet.)
 */
const registered = allMigrations.find((migration) => migration.name === partPayers.name)
const before = registered ? allMigrations.slice(0, allMigrations.indexOf(registered)) : allMigrations
const withStep = [...before, { ...partPayers, version: before.length + 1 }]

let sqlite: BetterSqlite3.Database
const run = (statement: string, ...values: unknown[]) => sqlite.prepare(statement).run(...values)
const sums = (table: string) =>
  sqlite
    .prepare(
      `SELECT dim, key, quantity, revenue_fen AS revenue, cost_fen AS cost FROM ${table}
       WHERE lines != 0 ${table === 'report_part_slice_months' ? "AND sdim = 'technician'" : ''} ORDER BY dim, key`
    )
    .all()

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
  for (const [id, serviceType] of [
    ['paid', 'paid_repair'],
    ['free', 'shop_warranty_repair']
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
  run(`INSERT INTO invoices (id, number, kind, work_order_id, lines_fen, brand_fen, shop_fen, customer_lines_fen,
      discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
    VALUES ('i', 'INV-1', 'invoice', 'free', 30000, 0, 30000, 0, 0, 0, 0, 0, '${stamp}')`)
  run(`INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
      amount_fen, payer) VALUES ('il', 'i', 0, 'part', 'wp-free', '屏幕', 1, 30000, 30000, 'shop')`)
})
afterAll(() => {
  sqlite.close()
})

describe('the step that sums used parts by payer, over a shop that had parts already', () => {
  it('recomputes the sums kept before it: the free part earns nothing', () => {
    // Before: both screens at their price.
    expect(sums('report_part_months')).toEqual([
      { dim: 'category', key: 'mobile_phone', quantity: 2, revenue: 60000, cost: 40000 },
      { dim: 'part', key: 'P1', quantity: 2, revenue: 60000, cost: 40000 }
    ])
    migrate(sqlite, withStep)
    const after = [
      { dim: 'category', key: 'mobile_phone', quantity: 2, revenue: 30000, cost: 40000 },
      { dim: 'part', key: 'P1', quantity: 2, revenue: 30000, cost: 40000 }
    ]
    expect(sums('report_part_months')).toEqual(after)
    // Within the job's technician (none here), the same.
    expect(sums('report_part_slice_months')).toEqual(after)
    expect(
      sqlite.prepare(`SELECT shop_quantity, shop_cost_fen FROM report_part_months WHERE dim = 'part'`).get()
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
