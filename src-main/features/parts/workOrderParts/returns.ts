import type { Db } from '../../../db/connection'
import { AppError, type CurrentUser, type ParsedInput, type WorkOrderParts } from '../../../../src-shared/contract'
import { recordAudit } from '../../audit/record'
import { requireNotBilled, requireOpen } from '../../workOrders/guards'
import { findWorkOrder } from '../../workOrders/lookup'
import type { ClosedWorkOrder } from '../../workOrders/ports'
import { correctPackedBatch } from '../faultyParts/faultyParts'
import { postMovement } from '../ledger'
import type { WorkOrderPartsTable } from '../tables'
import { loadWorkOrderParts } from './jobPartsReads'

/*
 * Parts coming back from a job: unused ones returned to stock at the value they left with, and
 * everything a closed job still holds (its issued parts and its open requests).
 */

/** Unused parts back to stock, at the value they left with; the faulty part then is not owed. */
export async function returnFromWorkOrder(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrderParts.return'>
): Promise<WorkOrderParts> {
  const workOrderId = await db.transaction().execute(async (trx) => {
    const line = await trx.selectFrom('workOrderParts').selectAll().where('id', '=', input.lineId).executeTakeFirst()
    if (!line) throw new AppError('NOT_FOUND')
    requireOpen(await findWorkOrder(trx, line.workOrderId))
    await requireNotBilled(trx, line.workOrderId)
    const outstanding = line.quantity - line.returnedQuantity
    if (input.quantity > outstanding) {
      throw new AppError('VALIDATION', 'errors.VALIDATION', {
        fields: [{ path: 'quantity', messageKey: 'validation.moreThanIssued', params: { max: outstanding } }]
      })
    }
    await returnLine(trx, at, actor.id, line, input.quantity, '', false)
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'workOrderParts.return',
      entity: 'work_order',
      entityId: line.workOrderId,
      after: { lineId: line.id, quantity: input.quantity }
    })
    return line.workOrderId
  })
  return loadWorkOrderParts(db, workOrderId)
}

type LineRow = Pick<
  WorkOrderPartsTable,
  'id' | 'workOrderId' | 'partId' | 'serial' | 'quantity' | 'returnedQuantity' | 'costValueFen' | 'returnedValueFen'
>

/** The exact share of a line's value that `quantity` of its outstanding units carry back. */
export function returningValueFen(line: LineRow, quantity: number): number {
  const outstanding = line.quantity - line.returnedQuantity
  const valueLeft = line.costValueFen - line.returnedValueFen
  return quantity === outstanding ? valueLeft : Math.round((valueLeft * quantity) / outstanding)
}

async function returnLine(
  trx: Db,
  at: Date,
  actorId: string,
  line: LineRow,
  quantity: number,
  reason: string,
  jobClosedUnrepaired: boolean
): Promise<void> {
  const faulty = await trx
    .selectFrom('faultyParts as f')
    .leftJoin('returnBatches as b', 'b.id', 'f.batchId')
    .select(['f.id', 'f.quantity', 'f.status', 'f.batchId', 'b.number as batchNumber'])
    .where('f.workOrderPartId', '=', line.id)
    .executeTakeFirst()
  // Once the old part is packed for the brand, the new one was fitted: it cannot come back unused
  // while the job goes on. A job closed unrepaired takes its old part back out of a batch still
  // in the shop; one already shipped has left, and the closing is refused.
  const unpacks = jobClosedUnrepaired && faulty?.status === 'packed'
  if (faulty && faulty.status !== 'awaiting' && faulty.status !== 'cancelled' && !unpacks) {
    throw new AppError('CONFLICT', 'errors.faultyAlreadyPacked', { batchNumber: faulty.batchNumber ?? '' })
  }
  const order = await findWorkOrder(trx, line.workOrderId)
  const valueFen = returningValueFen(line, quantity)
  await postMovement(trx, at, actorId, {
    partId: line.partId,
    kind: 'return',
    quantity,
    valueFen,
    serial: line.serial,
    workOrderId: line.workOrderId,
    workOrderPartId: line.id,
    reference: order.number,
    reason
  })
  await trx
    .updateTable('workOrderParts')
    .set({ returnedQuantity: line.returnedQuantity + quantity, returnedValueFen: line.returnedValueFen + valueFen })
    .where('id', '=', line.id)
    .execute()
  // Fewer were fitted, so fewer old parts are owed to the brand; none, and the claim is void.
  if (faulty && unpacks && faulty.batchId) {
    await correctPackedBatch(
      trx,
      at,
      actorId,
      { id: faulty.id, batchId: faulty.batchId },
      Math.max(0, faulty.quantity - quantity)
    )
  } else if (faulty && faulty.status === 'awaiting') {
    const owed = Math.max(0, faulty.quantity - quantity)
    await trx
      .updateTable('faultyParts')
      .set({ quantity: owed, status: owed === 0 ? 'cancelled' : 'awaiting', updatedAt: at.toISOString() })
      .where('id', '=', faulty.id)
      .execute()
  }
}

/**
 * When a job is cancelled or handed back unrepaired its parts were not fitted: everything still
 * out on it goes back to stock and its open requests are withdrawn. Runs inside that change's
 * transaction.
 */
export async function returnPartsOfUnrepairedOrder(trx: Db, closed: ClosedWorkOrder): Promise<void> {
  const lines = await trx
    .selectFrom('workOrderParts')
    .selectAll()
    .where('workOrderId', '=', closed.workOrderId)
    .whereRef('returnedQuantity', '<', 'quantity')
    .execute()
  for (const line of lines)
    await returnLine(trx, closed.at, closed.actorId, line, line.quantity - line.returnedQuantity, closed.reason, true)
  await closeOpenRequests(trx, closed)
}

/** A closed job asks for nothing more: its open requests are withdrawn by whoever closed it. */
export async function closeOpenRequests(trx: Db, closed: ClosedWorkOrder): Promise<void> {
  const { at, actorId, workOrderId, to } = closed
  await trx
    .updateTable('workOrderPartRequests')
    .set({ status: 'cancelled', closedAt: at.toISOString(), cancelledBy: actorId, closedWithJob: to })
    .where('workOrderId', '=', workOrderId)
    .where('status', '=', 'open')
    .execute()
}

/**
 * What parts lets go of when a job closes (wired as a work-order port): a job cancelled or handed
 * back unrepaired fitted nothing, so its parts go back to stock; any closed job asks for no more.
 */
export async function releasePartsOfClosedOrder(trx: Db, closed: ClosedWorkOrder): Promise<void> {
  if (closed.to === 'cancelled' || closed.to === 'returned_unrepaired') await returnPartsOfUnrepairedOrder(trx, closed)
  else await closeOpenRequests(trx, closed)
}
