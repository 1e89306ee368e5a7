import type BetterSqlite3 from 'better-sqlite3'
import type { TransactionObserver } from '../../db/connection'
import type { ChangeNotice } from '../../../src-shared/liveChanges'

/** The SQL function the temporary triggers call with each written row's entity and id. */
const NOTE_FUNCTION = 'service_center_note_change'

/**
 * Where a change is read from. The audit row every user change writes names its entity and id,
 * so any new operation is covered without a list per operation; a few tables are watched
 * directly because a screen shows them at a finer grain than their audit row (a part request is
 * audited as its work order; stock moves under many entities' actions).
 */
const WATCHED_WRITES: { table: string; events: ('INSERT' | 'UPDATE' | 'DELETE')[]; entity: string; id: string }[] = [
  { table: 'audit_log', events: ['INSERT'], entity: 'NEW.entity', id: 'NEW.entity_id' },
  { table: 'work_order_part_requests', events: ['INSERT', 'UPDATE'], entity: "'part_request'", id: 'NEW.id' },
  { table: 'stock_movements', events: ['INSERT'], entity: "'stock'", id: 'NEW.part_id' },
  { table: 'payments', events: ['INSERT', 'UPDATE'], entity: "'payment'", id: 'NEW.id' }
]

/** Beyond this many records of one entity in one transaction (an import), the batch names the entity only. */
const MAX_IDS_PER_ENTITY = 50

/**
 * Collects what the current transaction writes, through temporary triggers (they live on this
 * connection only and are not part of the shop's schema), and publishes it once the
 * transaction committed. A rolled-back transaction's changes are dropped.
 */
export function collectChanges(
  sqlite: BetterSqlite3.Database,
  publish: (changes: ChangeNotice[]) => void
): TransactionObserver {
  const pending = new Map<string, Set<string> | null>()
  sqlite.function(NOTE_FUNCTION, { deterministic: false, varargs: false }, (entity: unknown, id: unknown) => {
    if (typeof entity !== 'string') return null
    const ids = pending.has(entity) ? pending.get(entity) : new Set<string>()
    // null: already too many to list.
    if (!ids) return null
    if (typeof id === 'string') ids.add(id)
    pending.set(entity, ids.size > MAX_IDS_PER_ENTITY ? null : ids)
    return null
  })
  for (const watched of WATCHED_WRITES) {
    for (const event of watched.events) {
      const name = `temp.live_${watched.table}_${event.toLowerCase()}`
      sqlite.exec(`DROP TRIGGER IF EXISTS ${name}`)
      sqlite.exec(
        `CREATE TEMP TRIGGER ${name.slice('temp.'.length)} AFTER ${event} ON ${watched.table}
         BEGIN SELECT ${NOTE_FUNCTION}(${watched.entity}, ${watched.id}); END`
      )
    }
  }
  return {
    settled() {
      if (pending.size === 0 || sqlite.inTransaction) return
      const changes: ChangeNotice[] = []
      for (const [entity, ids] of pending) {
        if (ids === null || ids.size === 0) changes.push({ entity, id: null })
        else for (const id of ids) changes.push({ entity, id })
      }
      pending.clear()
      publish(changes)
    },
    rolledBack() {
      pending.clear()
    }
  }
}
