import type { Db } from '../../db/connection'
import { uuidv7 } from '../../../src-shared/domain/ids'
import type { WorkOrderStatus } from '../../../src-shared/domain/workOrderStatus'

export interface WorkOrderEvent {
  kind: string
  fromStatus?: WorkOrderStatus
  toStatus?: WorkOrderStatus
  note?: string
}

/** One line on the work order's timeline: what happened, who did it, when. */
export async function addTimelineEvent(
  trx: Db,
  at: Date,
  workOrderId: string,
  actorId: string,
  event: WorkOrderEvent
): Promise<void> {
  await trx
    .insertInto('workOrderEvents')
    .values({
      id: uuidv7(at.getTime()),
      workOrderId,
      at: at.toISOString(),
      actorId,
      kind: event.kind,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      note: event.note ?? ''
    })
    .execute()
}
