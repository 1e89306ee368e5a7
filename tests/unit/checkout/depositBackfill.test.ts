import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src-main/db/migrator'
import { allMigrations } from '../../../src-main/db/migrations'
import { shopBefore } from './upgradeFixtures'

describe('upgrading to recorded payments', () => {
  it('turns the deposits open jobs took before payments were recorded into deposit payments, so checkout applies them', () => {
    const at = '2026-10-01T02:00:00.000Z'
    const sqlite = shopBefore(13, at, { username: 'desk', displayName: '李婷', role: 'front_desk' })
    const order = sqlite.prepare(
      `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status, reported_fault, condition_json, accessories_json, deposit_fen, created_by, created_at, updated_at)
       VALUES (?, ?, '123456', 'c1', 'd1', 'paid_repair', 'walk_in', ?, '不开机', '{}', '{}', ?, 'u1', ?, ?)`
    )
    order.run('w-open', 'WO-261001-0001', 'repairing', 20_000, at, at)
    order.run('w-gone', 'WO-261001-0002', 'picked_up', 10_000, at, at)
    order.run('w-none', 'WO-261001-0003', 'received', 0, at, at)

    migrate(sqlite, allMigrations)
    expect(
      sqlite.prepare('SELECT work_order_id, kind, method, amount_fen, cashier_id, at, day_close_id FROM payments').all()
    ).toEqual([
      {
        work_order_id: 'w-open',
        kind: 'deposit',
        method: 'cash',
        amount_fen: 20_000,
        cashier_id: 'u1',
        at,
        day_close_id: null
      }
    ])
    sqlite.close()
  })
})
