import type BetterSqlite3 from 'better-sqlite3'
import { createKysely, type Db } from '../../db/connection'
import { definePort } from '../../app/port'

/**
 * Customers erased on request stay erased across a restore. An erasure the shop confirmed to the
 * customer must stand (China's personal-information law), yet a copy from before it still holds
 * the person: their record, the jobs, devices and receipts made before the copy, the audit trail
 * and the outbox, with the name and phones as they were then (a phone changed since is only in the
 * copy). So the erasure is run again on the restored copy, with the erasure service's own steps
 * over the copy's own values: features/wiring.ts plugs customers/erasure.ts in here, as backups
 * may not import the customers feature.
 */
export type EraseAgain = (db: Db, at: Date, actorId: string | null, customerId: string) => Promise<unknown>

const eraseAgainPort = definePort<EraseAgain>('Erasure for restores')

export const wireRestoreErasure = eraseAgainPort.wire

/** The customers erased in the running database, read just before a restore. */
export function readRunningErasures(sqlite: BetterSqlite3.Database): string[] {
  return sqlite.prepare(`SELECT id FROM customers WHERE erased_at IS NOT NULL ORDER BY id`).pluck().all() as string[]
}

/**
 * Of the customers erased today, those the copy holds as live and not erased: the erasure is run
 * again on each (a duplicate merged into one is erased with it, as erasure does). A customer made
 * after the copy is not in it, nor anything of theirs.
 */
export function erasuresToApply(copyDb: BetterSqlite3.Database, erasedToday: string[]): string[] {
  if (erasedToday.length === 0) return []
  // A copy from before erasure existed has erased no one.
  const hasErasedAt = copyDb.prepare(`SELECT 1 FROM pragma_table_info('customers') WHERE name = 'erased_at'`).get()
  const inCopy = copyDb.prepare(
    `SELECT 1 FROM customers WHERE id = ? AND merged_into_id IS NULL${hasErasedAt ? ' AND erased_at IS NULL' : ''}`
  )
  return erasedToday.filter((id) => inCopy.get(id) !== undefined)
}

/**
 * Erases again, on the restored (and migrated) copy, each customer erased today whom the copy
 * still holds: one transaction each, audited as an erasure by whoever restored (when the copy
 * knows them). Returns how many were erased again.
 */
export async function keepRunningErasures(
  restored: BetterSqlite3.Database,
  erasedToday: string[],
  actorId: string,
  at: Date
): Promise<number> {
  const toErase = erasuresToApply(restored, erasedToday)
  if (toErase.length === 0) return 0
  const eraseAgain = eraseAgainPort.get()
  const known = restored.prepare(`SELECT 1 FROM users WHERE id = ?`).get(actorId) !== undefined
  const db = createKysely(restored)
  for (const customerId of toErase) await eraseAgain(db, at, known ? actorId : null, customerId)
  return toErase.length
}
