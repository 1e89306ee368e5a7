import type { Db } from '../../db/connection'
import { reusableInsert } from '../../db/reusableInsert'
import { uuidv7 } from '../../../src-shared/domain/ids'

export interface OutboxChange {
  entity: string
  entityId: string
  operation: 'upsert' | 'delete'
  payload: unknown
}

/** Queues a change for HQ. Must run in the same transaction as the change itself. */
export async function enqueueOutbox(trx: Db, at: Date, change: OutboxChange): Promise<void> {
  await insertOutboxRow(trx, {
    id: uuidv7(at.getTime()),
    at: at.toISOString(),
    entity: change.entity,
    entityId: change.entityId,
    operation: change.operation,
    payloadJson: JSON.stringify(change.payload),
    sentAt: null
  })
}

// Most changes queue one: compiled once (db/reusableInsert.ts).
const insertOutboxRow = reusableInsert('outbox', [
  'id',
  'at',
  'entity',
  'entityId',
  'operation',
  'payloadJson',
  'sentAt'
])
