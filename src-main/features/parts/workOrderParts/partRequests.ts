import type { Db } from '../../../db/connection'
import { AppError, type CurrentUser, type ParsedInput, type WorkOrderParts } from '../../../../src-shared/contract'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { recordAudit } from '../../audit/record'
import { requireBenchAccess, requireNotBilled, requireOpen } from '../../workOrders/guards'
import { findWorkOrder } from '../../workOrders/lookup'
import { findPartRow } from '../records'
import { loadWorkOrderParts } from './jobPartsReads'

/** The technician asks for a part for their open job. */
export async function requestPart(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrderParts.request'>
): Promise<WorkOrderParts> {
  await db.transaction().execute(async (trx) => {
    const order = await findWorkOrder(trx, input.workOrderId)
    requireOpen(order)
    requireBenchAccess(actor, order)
    await requireNotBilled(trx, order.id)
    const part = await findPartRow(trx, input.partId)
    if (part.active !== 1) throw new AppError('CONFLICT', 'errors.partInactive')
    const id = uuidv7(at.getTime())
    await trx
      .insertInto('workOrderPartRequests')
      .values({
        id,
        workOrderId: order.id,
        partId: part.id,
        quantity: input.quantity,
        issuedQuantity: 0,
        note: input.note,
        status: 'open',
        requestedBy: actor.id,
        requestedAt: at.toISOString(),
        closedAt: null,
        cancelledBy: null,
        closedWithJob: null,
        cancelReason: ''
      })
      .execute()
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'workOrderParts.request',
      entity: 'work_order',
      entityId: order.id,
      after: { requestId: id, partNumber: part.partNumber, quantity: input.quantity }
    })
  })
  return loadWorkOrderParts(db, input.workOrderId)
}

/** The technician (or a manager) cancels an open request of the job, with the reason given. */
export async function cancelPartRequest(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrderParts.cancelRequest'>
): Promise<WorkOrderParts> {
  const workOrderId = await db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('workOrderPartRequests')
      .selectAll()
      .where('id', '=', input.requestId)
      .executeTakeFirst()
    if (!request) throw new AppError('NOT_FOUND')
    requireBenchAccess(actor, await findWorkOrder(trx, request.workOrderId))
    if (request.status !== 'open') throw new AppError('CONFLICT', 'errors.requestNotOpen')
    await trx
      .updateTable('workOrderPartRequests')
      .set({ status: 'cancelled', closedAt: at.toISOString(), cancelledBy: actor.id, cancelReason: input.reason })
      .where('id', '=', request.id)
      .execute()
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'workOrderParts.cancelRequest',
      entity: 'work_order',
      entityId: request.workOrderId,
      after: { requestId: request.id, reason: input.reason }
    })
    return request.workOrderId
  })
  return loadWorkOrderParts(db, workOrderId)
}
