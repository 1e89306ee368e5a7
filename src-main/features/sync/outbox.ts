import type { Db } from '../../db/connection'
import { reusableInsert } from '../../db/reusableInsert'
import { reusableQuery } from '../../db/reusableQuery'
import { uuidv7 } from '../../../src-shared/domain/ids'

export interface OutboxChange {
  entity: string
  entityId: string
  operation: 'upsert' | 'delete'
  payload: unknown
}

/** Queues a change for HQ. Must run in the same transaction as the change itself. */
export async function enqueueOutbox(trx: Db, at: Date, change: OutboxChange): Promise<void> {
  const stamp = await outboxTimeFor(trx, at)
  await insertOutboxRow(trx, {
    id: uuidv7(stamp.getTime()),
    at: stamp.toISOString(),
    entity: change.entity,
    entityId: change.entityId,
    operation: change.operation,
    payloadJson: JSON.stringify(change.payload),
    sentAt: null
  })
}

/**
 * The time a change goes to HQ with. HQ keeps, of a record's changes, the one with the latest
 * time, ties by change id (docs/hq.md), so the outbox's times must not go back in the order the
 * changes were made: a change is stamped when it was made, or 1 ms after the change before it
 * when the clock reads earlier than that (a PC's clock that ran ahead and was put right).
 * Otherwise every change made after the correction, until the clock caught up, would lose at HQ
 * to an older one of the same record: an address, a job's status, a claim's amount left as they
 * were. Changes of one moment keep its time; their UUIDv7 ids count up within it.
 */
async function outboxTimeFor(trx: Db, at: Date): Promise<Date> {
  const previous = await lastOutboxTime.first(trx)
  if (!previous || at.toISOString() >= previous.at) return at
  return new Date(Date.parse(previous.at) + 1)
}

// Most changes queue one: compiled once (db/reusableInsert.ts, db/reusableQuery.ts).
const lastOutboxTime = reusableQuery(0, (db: Db) =>
  db.selectFrom('outbox').select('at').orderBy('seq', 'desc').limit(1)
)
const insertOutboxRow = reusableInsert('outbox', [
  'id',
  'at',
  'entity',
  'entityId',
  'operation',
  'payloadJson',
  'sentAt'
])
