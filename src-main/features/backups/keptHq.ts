import BetterSqlite3 from 'better-sqlite3'
import type { RestoreHq } from '../../../src-shared/contract/backups'

/**
 * What a restore does to the shop's link with HQ. The connection (HQ's address, its pinned
 * certificate, the shop id and the sealed shop key) is today's, like access (keptAccess.ts): a
 * copy from before the shop enrolled again holds a key HQ no longer takes, and one from before
 * enrolment holds none, so a restore would stop the sync until HQ's network admin gave a new code.
 *
 * The rest of the sync state stays the copy's, as it matches the copy's records:
 * - the outbox: changes the copy had not sent are sent again; HQ applies a change id once, so
 *   what it already had is skipped, not doubled;
 * - the pull cursors: what HQ sent after the copy (registry, decisions, credits) is pulled and
 *   applied again onto the copy, which lacks it.
 * What HQ received after the copy stays at HQ (a shop never takes a change back): the records
 * the copy lacks or holds older (heldByHq), which the preview and the answer name.
 */
export interface RunningHqConnection {
  /** The row as SQLite has it, every column: the restored copy is migrated to the same schema. */
  row: Record<string, unknown>
}

export function readRunningHqConnection(sqlite: BetterSqlite3.Database): RunningHqConnection | undefined {
  const row = sqlite.prepare(`SELECT * FROM hq_connection WHERE id = 1`).get() as Record<string, unknown> | undefined
  return row ? { row } : undefined
}

/** The columns that say which HQ the shop talks to, and as which shop with which key. */
const IDENTITY = ['hq_url', 'fingerprint', 'shop_id', 'sealed_key'] as const

function connectionDiffers(copyDb: BetterSqlite3.Database, running: RunningHqConnection): boolean {
  if (!hasTable(copyDb, 'hq_connection')) return true
  const copy = copyDb.prepare(`SELECT * FROM main.hq_connection WHERE id = 1`).get() as
    Record<string, unknown> | undefined
  return !copy || IDENTITY.some((column) => copy[column] !== running.row[column])
}

/**
 * Puts today's HQ connection onto the restored (and migrated) copy, its sync status included. A
 * shop not enrolled today leaves the copy's as it is: nothing in the app un-enrols a shop.
 * Returns whether the copy's connection was another (or none).
 */
export function keepRunningHqConnection(restored: BetterSqlite3.Database, running: RunningHqConnection): boolean {
  const differs = connectionDiffers(restored, running)
  // Whoever enrolled the shop may be an account the copy does not hold.
  const enrolledBy = restored
    .prepare(`SELECT id FROM users WHERE id = ?`)
    .pluck()
    .get(running.row.enrolled_by ?? null)
  const row = { ...running.row, enrolled_by: enrolledBy ?? null }
  const columns = Object.keys(row)
  restored
    .prepare(
      `INSERT INTO hq_connection (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}`
    )
    .run(row)
  return differs
}

/**
 * What restoring `copyFile` would mean at HQ, read from the copy and today's database without
 * changing either: whether today's connection is kept over the copy's, and the records HQ has
 * acknowledged changes of that the copy's outbox does not hold, by entity. Null when the shop
 * is not enrolled today. Changes pruned from today's outbox (acknowledged over 180 days ago) are
 * not counted.
 */
export function hqAfterRestore(copyFile: string, databaseFile: string): RestoreHq | null {
  // Read-only: the attached database is opened read-only too, and no journal appears beside the copy.
  const copyDb = new BetterSqlite3(copyFile, { readonly: true, fileMustExist: true })
  try {
    copyDb.prepare(`ATTACH DATABASE ? AS today`).run(databaseFile)
    const running = readRunningHqConnectionIn(copyDb)
    if (!running) return null
    const copyHolds = hasTable(copyDb, 'outbox') ? `AND id NOT IN (SELECT id FROM main.outbox)` : ''
    const heldByHq = copyDb
      .prepare(
        `SELECT entity, COUNT(DISTINCT entity_id) AS records FROM today.outbox
          WHERE sent_at IS NOT NULL ${copyHolds}
          GROUP BY entity ORDER BY records DESC, entity`
      )
      .all() as RestoreHq['heldByHq']
    return { hqName: String(running.row.hq_name), connectionKept: connectionDiffers(copyDb, running), heldByHq }
  } finally {
    copyDb.close()
  }
}

function readRunningHqConnectionIn(copyDb: BetterSqlite3.Database): RunningHqConnection | undefined {
  const row = copyDb.prepare(`SELECT * FROM today.hq_connection WHERE id = 1`).get() as
    Record<string, unknown> | undefined
  return row ? { row } : undefined
}

function hasTable(sqlite: BetterSqlite3.Database, name: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
}
