import type { Db } from '../../db/connection'
import type { CurrentUser, WorkOrderDetail } from '../../../src-shared/contract'
import { recordSyncedChange } from '../sync/recordChange'
import { shopCalendar } from './calendar'
import { loadWorkOrderDetail } from './detail'
import { findWorkOrder } from './lookup'
import { workOrderRecord } from './records'
import { addTimelineEvent, type WorkOrderEvent } from './timeline'
import type { WorkOrdersTable } from './tables'

export interface WorkOrderChange {
  /** Columns to set on the work order (may be empty when only related rows change). */
  set?: Partial<Omit<WorkOrdersTable, 'id' | 'createdAt'>>
  event?: WorkOrderEvent
}

/**
 * Every change to a work order takes this path: one transaction that re-reads the order,
 * applies the rule-checked change, writes the timeline line, the audit row and the outbox row,
 * then answers with the order as this caller may see it.
 */
export async function changeWorkOrder(
  db: Db,
  at: Date,
  actor: CurrentUser,
  id: string,
  action: string,
  apply: (trx: Db, order: WorkOrdersTable) => Promise<WorkOrderChange>
): Promise<WorkOrderDetail> {
  await db.transaction().execute((trx) => applyWorkOrderChange(trx, at, actor, id, action, apply))
  return loadWorkOrderDetail(db, id, actor, await shopCalendar(db, at))
}

/**
 * The body of `changeWorkOrder`, for a caller that must check something in the same transaction
 * first (the hand-over counts wrong proofs there). Call it inside that transaction.
 */
export async function applyWorkOrderChange(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  id: string,
  action: string,
  apply: (trx: Db, order: WorkOrdersTable) => Promise<WorkOrderChange>
): Promise<void> {
  const before = await findWorkOrder(trx, id)
  const beforeRecord = await workOrderRecord(trx, before)
  const { set, event } = await apply(trx, before)
  await trx
    .updateTable('workOrders')
    .set({ ...set, updatedAt: at.toISOString() })
    .where('id', '=', id)
    .execute()
  if (event) await addTimelineEvent(trx, at, id, actor.id, event)
  const after = await findWorkOrder(trx, id)
  await recordSyncedChange(trx, at, {
    actorId: actor.id,
    action,
    entity: 'work_order',
    entityId: id,
    before: beforeRecord,
    after: await workOrderRecord(trx, after)
  })
}
