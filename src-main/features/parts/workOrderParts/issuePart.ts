import type { Db } from '../../../db/connection'
import { reusableInsert } from '../../../db/reusableInsert'
import { reusableQuery } from '../../../db/reusableQuery'
import {
  AppError,
  type CurrentUser,
  type IssuedPartLine,
  type IssuedToWorkOrder,
  type ParsedInput
} from '../../../../src-shared/contract'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import type { PartUnit } from '../../../../src-shared/domain/stock'
import { recordAudit } from '../../audit/record'
import { findWorkOrderWithInvoice, refuseBilled, requireOpen } from '../../workOrders/guards'
import { findPartRow } from '../records'
import { movementValue, postMovement, type MovementRequest } from '../ledger'
import { refuseSerialOutOnJob, requireSerialOnHand } from '../serials'
import type { WorkOrderPartRequestsTable } from '../tables'
import { openPartRequests } from './jobPartsReads'

// Issuing runs many times an hour: its statements are compiled once (db/reusableQuery.ts).
const oldestOpenRequest = reusableQuery(2, (db: Db, workOrderId: string, partId: string) =>
  db
    .selectFrom('workOrderPartRequests')
    .selectAll()
    .where('workOrderId', '=', workOrderId)
    .where('partId', '=', partId)
    .where('status', '=', 'open')
    .orderBy('requestedAt')
)

const insertIssuedLine = reusableInsert('workOrderParts', [
  'id',
  'workOrderId',
  'partId',
  'requestId',
  'serial',
  'quantity',
  'returnedQuantity',
  'unitPriceFen',
  'unitCostFen',
  'costValueFen',
  'returnedValueFen',
  'issuedBy',
  'issuedAt'
])

const fillRequest = reusableQuery(
  4,
  (db: Db, issuedQuantity: number, status: WorkOrderPartRequestsTable['status'], closedAt: string | null, id: string) =>
    db.updateTable('workOrderPartRequests').set({ issuedQuantity, status, closedAt }).where('id', '=', id)
)

const insertOwedFaultyPart = reusableInsert('faultyParts', [
  'id',
  'workOrderId',
  'workOrderPartId',
  'partId',
  'serial',
  'quantity',
  'status',
  'batchId',
  'createdAt',
  'updatedAt'
])

/**
 * Issues a part to a job. Everything happens in one transaction that holds the write lock: the
 * ledger refuses more than is on hand (STOCK_INSUFFICIENT), so of two clerks issuing the last
 * unit at once exactly one succeeds and the other changes nothing.
 */
export async function issuePart(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrderParts.issue'>
): Promise<IssuedToWorkOrder> {
  // The fewest statements that keep every check: the order with its invoice, the part (whose
  // position the ledger then uses as read), the open request, and the writes.
  const issued = await db.transaction().execute(async (trx): Promise<IssuedPartLine> => {
    const { order, invoiceNumber } = await findWorkOrderWithInvoice(trx, input.workOrderId)
    requireOpen(order)
    refuseBilled(invoiceNumber)
    const part = await findPartRow(trx, input.partId)
    const serial =
      part.serialTracked === 1 ? await requireIssuableSerial(trx, part.id, input.serial, input.quantity) : null
    const lineId = uuidv7(at.getTime())
    const request = await oldestOpenRequest.first(trx, order.id, part.id)
    const movement: MovementRequest = {
      partId: part.id,
      kind: 'issue',
      quantity: -input.quantity,
      serial,
      workOrderId: order.id,
      workOrderPartId: lineId,
      reference: order.number
    }
    // The line must exist before the ledger line that points at it, so it is written with the
    // cost the ledger will book (refused here already when the shelf is short).
    const cost = movementValue(part, movement)
    await insertIssuedLine(trx, {
      id: lineId,
      workOrderId: order.id,
      partId: part.id,
      requestId: request?.id ?? null,
      serial,
      quantity: input.quantity,
      returnedQuantity: 0,
      unitPriceFen: part.sellingPriceFen,
      unitCostFen: cost.unitCostFen,
      costValueFen: -cost.valueFen,
      returnedValueFen: 0,
      issuedBy: actor.id,
      issuedAt: at.toISOString()
    })
    await postMovement(trx, at, actor.id, movement, part)
    if (request) {
      const issued = request.issuedQuantity + input.quantity
      const done = issued >= request.quantity
      await fillRequest.execute(trx, issued, done ? 'issued' : 'open', done ? at.toISOString() : null, request.id)
    }
    // A part the brand wants back, replaced under warranty: the old one is now owed to the brand.
    if (part.returnFaulty === 1 && order.serviceType === 'warranty_repair') {
      const nowIso = at.toISOString()
      await insertOwedFaultyPart(trx, {
        id: uuidv7(at.getTime()),
        workOrderId: order.id,
        workOrderPartId: lineId,
        partId: part.id,
        serial,
        quantity: input.quantity,
        status: 'awaiting',
        batchId: null,
        createdAt: nowIso,
        updatedAt: nowIso
      })
    }
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'workOrderParts.issue',
      entity: 'work_order',
      entityId: order.id,
      after: {
        lineId,
        partNumber: part.partNumber,
        quantity: input.quantity,
        serial,
        unitPriceFen: part.sellingPriceFen
      }
    })
    // The line as workOrderParts.get would list it, from what this issue wrote: not read back.
    return {
      id: lineId,
      partId: part.id,
      partNumber: part.partNumber,
      partName: part.name,
      unit: part.unit as PartUnit,
      serial,
      quantity: input.quantity,
      returnedQuantity: 0,
      unitPriceFen: part.sellingPriceFen,
      amountFen: input.quantity * part.sellingPriceFen,
      issuedAt: at.toISOString(),
      issuedByName: actor.displayName
    }
  })
  return { line: issued, queueRows: await openPartRequests(db, input.workOrderId) }
}

/**
 * A serial-tracked part leaves one unit at a time, with a serial that is on the shelf: not out on
 * another job, and received (or returned) into stock.
 */
async function requireIssuableSerial(
  trx: Db,
  partId: string,
  serial: string | null,
  quantity: number
): Promise<string> {
  if (serial === null)
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: 'serial', messageKey: 'validation.serialRequired' }]
    })
  if (quantity !== 1)
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: 'quantity', messageKey: 'validation.oneSerialOneUnit' }]
    })
  await refuseSerialOutOnJob(trx, partId, serial)
  await requireSerialOnHand(trx, partId, serial)
  return serial
}
