import BetterSqlite3 from 'better-sqlite3'
import type { RestoreHq } from '../../../src-shared/contract/backups'
import { uuidv7 } from '../../../src-shared/domain/ids'

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
 * What HQ received after the copy is newer at HQ than in the copy, and HQ keeps a record's latest
 * change: left alone, HQ would go on showing what the shop no longer has. So:
 * - a record the copy holds an older change of: the copy's latest change of it is queued again,
 *   stamped now, so HQ takes the shop's state as restored (sentAgain). Restoring the safety copy
 *   afterwards does the same the other way;
 * - a record the copy's outbox does not name (made after the copy, or its changes pruned from the
 *   copy's outbox) stays at HQ as it is (heldByHq): the preview and the answer count them, as
 *   anything entered again at the shop reaches HQ as a new record.
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

/** A change the copy's outbox holds, queued again onto the restored copy for HQ. */
export interface ChangeToSendAgain {
  entity: string
  entityId: string
  operation: string
  payloadJson: string
}

/** What a restore of the copy means at HQ, and the copy's changes it queues again. */
export interface HqAfterRestore {
  hq: RestoreHq
  sendAgain: ChangeToSendAgain[]
}

/**
 * The records HQ acknowledged changes of after the copy (today's outbox rows sent, whose ids the
 * copy's outbox lacks), with whether the copy's outbox names the record. Changes pruned from
 * today's outbox (acknowledged over 180 days ago) are not counted.
 */
const SINCE_THE_COPY = `
  since AS MATERIALIZED (
    SELECT DISTINCT entity, entity_id FROM today.outbox
     WHERE sent_at IS NOT NULL AND id NOT IN (SELECT id FROM main.outbox)
  )`

/**
 * What restoring `copyFile` would mean at HQ, read from the copy and today's database without
 * changing either (see the top of this file). Null when the shop is not enrolled today.
 * `withChanges` reads the copy's changes to queue again too (the restore); the preview counts them.
 */
export function hqAfterRestore(copyFile: string, databaseFile: string, withChanges = false): HqAfterRestore | null {
  // Read-only: the attached database is opened read-only too, and no journal appears beside the copy.
  const copyDb = new BetterSqlite3(copyFile, { readonly: true, fileMustExist: true })
  try {
    copyDb.prepare(`ATTACH DATABASE ? AS today`).run(databaseFile)
    const running = readRunningHqConnectionIn(copyDb)
    if (!running) return null
    const connectionKept = connectionDiffers(copyDb, running)
    const hq: RestoreHq = { hqName: String(running.row.hq_name), connectionKept, heldByHq: [], sentAgain: 0 }
    // A copy from before the outbox existed names no record: HQ's records all stay as they are.
    if (!hasTable(copyDb, 'outbox')) return { hq, sendAgain: [] }
    const counts = copyDb
      .prepare(
        `WITH ${SINCE_THE_COPY},
              named AS MATERIALIZED (SELECT DISTINCT entity, entity_id FROM main.outbox)
         SELECT s.entity, SUM(n.entity_id IS NULL) AS records, SUM(n.entity_id IS NOT NULL) AS sentAgain
           FROM since s LEFT JOIN named n ON n.entity = s.entity AND n.entity_id = s.entity_id
          GROUP BY s.entity ORDER BY records DESC, s.entity`
      )
      .all() as { entity: string; records: number; sentAgain: number }[]
    hq.heldByHq = counts.filter((row) => row.records > 0).map(({ entity, records }) => ({ entity, records }))
    hq.sentAgain = counts.reduce((sum, row) => sum + row.sentAgain, 0)
    if (!withChanges || hq.sentAgain === 0) return { hq, sendAgain: [] }
    // The copy's latest change of each such record (SQLite takes the other columns from the MAX row).
    const sendAgain = copyDb
      .prepare(
        `WITH ${SINCE_THE_COPY}
         SELECT c.entity, c.entity_id AS entityId, c.operation, c.payload_json AS payloadJson, MAX(c.seq) AS seq
           FROM main.outbox c JOIN since s ON s.entity = c.entity AND s.entity_id = c.entity_id
          GROUP BY c.entity, c.entity_id ORDER BY seq`
      )
      .all() as (ChangeToSendAgain & { seq: number })[]
    return { hq, sendAgain: sendAgain.map(({ seq: _seq, ...change }) => change) }
  } finally {
    copyDb.close()
  }
}

/**
 * Queues the copy's changes again on the restored (and migrated) copy, in one transaction, as
 * sync/outbox.ts stamps a change: now, or 1 ms after the outbox's last change when the clock
 * reads earlier, so HQ (which keeps a record's latest change) takes them over what it has.
 */
export function sendAgainToHq(restored: BetterSqlite3.Database, changes: ChangeToSendAgain[], now: Date): void {
  if (changes.length === 0) return
  const last = restored.prepare(`SELECT at FROM outbox ORDER BY seq DESC LIMIT 1`).pluck().get() as string | undefined
  const stamp = last && last > now.toISOString() ? new Date(Date.parse(last) + 1) : now
  const insert = restored.prepare(
    `INSERT INTO outbox (id, at, entity, entity_id, operation, payload_json, sent_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL)`
  )
  restored.transaction(() => {
    for (const change of changes) {
      insert.run(
        uuidv7(stamp.getTime()),
        stamp.toISOString(),
        change.entity,
        change.entityId,
        change.operation,
        change.payloadJson
      )
    }
  })()
}

function readRunningHqConnectionIn(copyDb: BetterSqlite3.Database): RunningHqConnection | undefined {
  const row = copyDb.prepare(`SELECT * FROM today.hq_connection WHERE id = 1`).get() as
    Record<string, unknown> | undefined
  return row ? { row } : undefined
}

function hasTable(sqlite: BetterSqlite3.Database, name: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
}
