import type BetterSqlite3 from 'better-sqlite3'
import type { BackupCounts } from '../../../src-shared/contract/backups'

/** The tables whose row counts a copy is described by, as the people at the counter name them. */
export const COUNTED_TABLES: Record<keyof BackupCounts, string> = {
  jobs: 'work_orders',
  customers: 'customers',
  payments: 'payments'
}

export interface DatabaseFacts {
  schemaVersion: number
  counts: BackupCounts
}

/**
 * The schema version and the counts a database holds. A table an older database does not have
 * yet counts as empty. The backup worker runs the same queries (snapshotWorker.ts).
 */
export function readDatabaseFacts(sqlite: BetterSqlite3.Database): DatabaseFacts {
  const hasTable = (name: string) =>
    sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
  const count = (table: string) =>
    hasTable(table) ? (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n : 0
  const schemaVersion = hasTable('schema_migrations')
    ? ((sqlite.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0)
    : 0
  return {
    schemaVersion,
    counts: {
      jobs: count(COUNTED_TABLES.jobs),
      customers: count(COUNTED_TABLES.customers),
      payments: count(COUNTED_TABLES.payments)
    }
  }
}

/** Opens a copy read-only (no journal files appear beside it) and checks every page and index. */
export function verifyCopy(file: string, open: (file: string) => BetterSqlite3.Database): DatabaseFacts {
  const copy = open(file)
  try {
    const integrity = copy.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new Error(`backup copy failed its integrity check: ${String(integrity)}`)
    return readDatabaseFacts(copy)
  } finally {
    copy.close()
  }
}

/**
 * Whether a database holds a shop: set up (its profile saved) and with an administrator who can
 * sign in. An empty file opens as an empty database and passes the integrity check, and so does a
 * shop never set up; put in place, either would leave the shop with no data and its first-run
 * form open to whoever comes first. Opened read-only.
 */
export function holdsAShop(file: string, open: (file: string) => BetterSqlite3.Database): boolean {
  const copy = open(file)
  try {
    const hasTable = (name: string) =>
      copy.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
    if (!hasTable('schema_migrations') || !hasTable('shop_settings') || !hasTable('users')) return false
    const profile = copy.prepare(`SELECT 1 FROM shop_settings WHERE key = 'shop.profile'`).get()
    const admin = copy.prepare(`SELECT 1 FROM users WHERE role = 'admin' AND disabled = 0`).get()
    return profile !== undefined && admin !== undefined
  } finally {
    copy.close()
  }
}
