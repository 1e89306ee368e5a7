import type { Db } from '../../db/connection'
import { recordAudit } from '../audit/record'
import { enqueueOutbox } from './outbox'

export interface SyncedChange {
  actorId: string | null
  action: string
  entity: string
  entityId: string
  before?: unknown
  after: unknown
}

/**
 * A change to a record HQ also keeps (customers, devices, work orders): the audit row says who
 * did it, the outbox row carries the new state to HQ. Call inside the change's transaction.
 */
export async function recordSyncedChange(trx: Db, at: Date, change: SyncedChange): Promise<void> {
  await recordAudit(trx, at, change)
  await enqueueOutbox(trx, at, {
    entity: change.entity,
    entityId: change.entityId,
    operation: 'upsert',
    payload: change.after
  })
}
