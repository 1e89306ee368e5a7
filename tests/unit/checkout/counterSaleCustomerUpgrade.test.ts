import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src-main/db/migrator'
import { allMigrations } from '../../../src-main/db/migrations'
import { shopBefore } from './upgradeFixtures'

const AT = '2026-11-01T02:00:00.000Z'

describe('upgrading to counter sales that keep the customer picked at the till', () => {
  it('marks the sales already written as known by their name only, and keeps every sale immutable', () => {
    const sqlite = shopBefore(73, AT, { username: 'desk', displayName: '前台', role: 'front_desk' })
    sqlite.pragma('foreign_keys = ON')
    sqlite
      .prepare(
        `INSERT INTO counter_sales (id, number, kind, customer_name, total_fen, issued_at, cashier_id)
         VALUES ('s1', 'INV-261101-0001', 'sale', '张三', 3000, ?, 'u1')`
      )
      .run(AT)

    migrate(sqlite, allMigrations)

    expect(sqlite.prepare('SELECT customer_id, customer_name, customer_by_name FROM counter_sales').all()).toEqual([
      { customer_id: null, customer_name: '张三', customer_by_name: 1 }
    ])
    sqlite
      .prepare(
        `INSERT INTO counter_sales (id, number, kind, customer_id, customer_name, total_fen, issued_at, cashier_id)
         VALUES ('s2', 'INV-261101-0002', 'sale', 'c1', '张三', 3000, ?, 'u1')`
      )
      .run(AT)
    expect(sqlite.prepare("SELECT customer_by_name FROM counter_sales WHERE id = 's2'").get()).toEqual({
      customer_by_name: 0
    })
    for (const change of [
      "UPDATE counter_sales SET customer_id = 'c1' WHERE id = 's1'",
      "UPDATE counter_sales SET customer_by_name = 0 WHERE id = 's1'",
      "DELETE FROM counter_sales WHERE id = 's2'"
    ])
      expect(() => sqlite.exec(change)).toThrow(/immutable/)
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO counter_sales (id, number, kind, customer_id, total_fen, issued_at) VALUES ('s3', 'INV-261101-0003', 'sale', 'nobody', 3000, ?)`
        )
        .run(AT)
    ).toThrow(/FOREIGN KEY/)
  })
})
