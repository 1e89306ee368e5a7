import BetterSqlite3 from 'better-sqlite3'
import { migrate } from '../../../src-main/db/migrator'
import { allMigrations } from '../../../src-main/db/migrations'

/**
 * A shop database as a release before `version` left it (for tests of what an upgrade does to
 * data already there), with user `u1`, customer `c1` and their device `d1` written at `at`.
 */
export function shopBefore(
  version: number,
  at: string,
  user: { username: string; displayName: string; role: string }
): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(':memory:')
  migrate(
    sqlite,
    allMigrations.filter((migration) => migration.version < version)
  )
  sqlite
    .prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, password_changed_at, created_at, updated_at)
       VALUES ('u1', ?, ?, ?, 'x', ?, ?, ?)`
    )
    .run(user.username, user.displayName, user.role, at, at, at)
  sqlite
    .prepare(`INSERT INTO customers (id, name, search_text, created_at, updated_at) VALUES ('c1', '张三', 'zs', ?, ?)`)
    .run(at, at)
  sqlite
    .prepare(
      `INSERT INTO devices (id, customer_id, brand, model, created_at, updated_at) VALUES ('d1', 'c1', '华为', 'Mate 60', ?, ?)`
    )
    .run(at, at)
  return sqlite
}

/** A collected job `w1` of customer `c1`'s device `d1`, taken in by `u1` at `at`, as such a release wrote it. */
export function collectedJob(sqlite: BetterSqlite3.Database, serviceType: string, at: string): void {
  sqlite
    .prepare(
      `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status, reported_fault, condition_json, accessories_json, created_by, created_at, updated_at)
       VALUES ('w1', 'WO-261001-0001', '123456', 'c1', 'd1', ?, 'walk_in', 'picked_up', '不开机', '{}', '{}', 'u1', ?, ?)`
    )
    .run(serviceType, at, at)
}
