import type { Db } from '../../../db/connection'
import { reusableInsert } from '../../../db/reusableInsert'
import { reusableQuery } from '../../../db/reusableQuery'
import {
  AppError,
  type CurrentUser,
  type IssuedPartLine,
  type IssuedToWorkOrder,
  type OpenPartRequest,
  type ParsedInput,
  type WorkOrderPartRequest,
  type WorkOrderParts
} from '../../../../src-shared/contract'
import type { WorkOrderStatus } from '../../../../src-shared/domain/workOrderStatus'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import type { PartUnit } from '../../../../src-shared/domain/stock'
import { recordAudit } from '../../audit/record'
import {
  findWorkOrderWithInvoice,
  refuseBilled,
  requireBenchAccess,
  requireNotBilled,
  requireOpen
} from '../../workOrders/guards'
import { findWorkOrder } from '../../workOrders/lookup'
import { barcodesOf, findPartRow, openRequestBarcodes } from '../records'
import { movementValue, postMovement, type MovementRequest } from '../ledger'
import { refuseSerialOutOnJob, requireSerialOnHand } from '../serials'
import type { WorkOrderPartRequestsTable } from '../tables'

/** A request as the contract shows it (requests as `r`, parts as `p`, the requester as `u`). */
const REQUEST_COLUMNS = [
  'r.id',
  'r.workOrderId',
  'r.partId',
  'p.partNumber',
  'p.name as partName',
  'r.quantity',
  'r.issuedQuantity',
  'r.note',
  'r.status',
  'p.sellingPriceFen as unitPriceFen',
  'r.requestedAt',
  'u.displayName as requestedByName'
] as const

// A job's parts are read after every issue, request and return: compiled once (db/reusableQuery.ts).
// Each request comes with how it was cancelled (the canceller as `c`, the job as `w` for a
// request withdrawn with it), so the panel can say why next to 已取消.
const requestsOfJob = reusableQuery(1, (db: Db, workOrderId: string) =>
  db
    .selectFrom('workOrderPartRequests as r')
    .innerJoin('parts as p', 'p.id', 'r.partId')
    .innerJoin('workOrders as w', 'w.id', 'r.workOrderId')
    .leftJoin('users as u', 'u.id', 'r.requestedBy')
    .leftJoin('users as c', 'c.id', 'r.cancelledBy')
    .select([
      ...REQUEST_COLUMNS,
      'r.closedAt',
      'c.displayName as cancelledByName',
      'r.closedWithJob',
      'r.cancelReason',
      'w.closeReason'
    ])
    .where('r.workOrderId', '=', workOrderId)
    .orderBy('r.requestedAt')
)

type RequestOfJobRow = Awaited<ReturnType<typeof requestsOfJob.all>>[number]

/** A request as the job's panel lists it: a cancelled one says who, when and why. */
function withCancellation(row: RequestOfJobRow): WorkOrderPartRequest {
  const { closedAt, cancelledByName, closedWithJob, cancelReason, closeReason, ...request } = row
  if (request.status !== 'cancelled') return { ...request, cancellation: null }
  const withJob = closedWithJob as WorkOrderStatus | null
  return {
    ...request,
    cancellation: {
      byName: cancelledByName,
      at: closedAt,
      closedWithJob: withJob,
      reason: withJob === null ? cancelReason : closeReason
    }
  }
}

const linesOfJob = reusableQuery(1, (db: Db, workOrderId: string) =>
  db
    .selectFrom('workOrderParts as l')
    .innerJoin('parts as p', 'p.id', 'l.partId')
    .leftJoin('users as u', 'u.id', 'l.issuedBy')
    .select([
      'l.id',
      'l.partId',
      'p.partNumber',
      'p.name as partName',
      'p.unit',
      'l.serial',
      'l.quantity',
      'l.returnedQuantity',
      'l.unitPriceFen',
      'l.issuedAt',
      'u.displayName as issuedByName'
    ])
    .where('l.workOrderId', '=', workOrderId)
    .orderBy('l.issuedAt')
)

/** What a job has asked for and what it has been given, with the amount checkout will charge. */
export async function loadWorkOrderParts(db: Db, workOrderId: string): Promise<WorkOrderParts> {
  const requests = (await requestsOfJob.all(db, workOrderId)).map(withCancellation)
  const lines = await linesOfJob.all(db, workOrderId)
  const priced = lines.map((line) => ({
    ...line,
    unit: line.unit as PartUnit,
    amountFen: (line.quantity - line.returnedQuantity) * line.unitPriceFen
  }))
  return { workOrderId, requests, lines: priced, totalFen: priced.reduce((sum, line) => sum + line.amountFen, 0) }
}

export async function getWorkOrderParts(db: Db, input: ParsedInput<'workOrderParts.get'>): Promise<WorkOrderParts> {
  await findWorkOrder(db, input.workOrderId)
  return loadWorkOrderParts(db, input.workOrderId)
}

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

/**
 * The warehouse's queue: open requests on jobs that are still open, oldest first; or only one
 * job's rows, as an issue answers them.
 */
export async function openPartRequests(db: Db, workOrderId?: string): Promise<OpenPartRequest[]> {
  // One job's rows (after every issue) run a query compiled once, with the barcodes of that job's
  // requested parts; the whole queue is built per call, as it is read far less often.
  const rows =
    workOrderId === undefined
      ? await openRequestRows(db).limit(500).execute()
      : await openRequestsOfJob.all(db, workOrderId)
  const barcodes =
    workOrderId === undefined
      ? await barcodesOf(db, [...new Set(rows.map((row) => row.partId))])
      : await openRequestBarcodes(db, workOrderId)
  return rows.map(({ brand, model, serialTracked, ...row }) => ({
    ...row,
    deviceLabel: `${brand} ${model}`,
    serialTracked: serialTracked === 1,
    barcodes: barcodes.get(row.partId) ?? []
  }))
}

/** The open requests on jobs, oldest first, with what the warehouse needs to fetch the part. */
function openRequestRows(db: Db) {
  return db
    .selectFrom('workOrderPartRequests as r')
    .innerJoin('parts as p', 'p.id', 'r.partId')
    .innerJoin('workOrders as w', 'w.id', 'r.workOrderId')
    .innerJoin('devices as d', 'd.id', 'w.deviceId')
    .leftJoin('users as u', 'u.id', 'r.requestedBy')
    .leftJoin('users as t', 't.id', 'w.technicianId')
    .select([
      ...REQUEST_COLUMNS,
      'w.number as workOrderNumber',
      'w.status as workOrderStatus',
      'd.brand',
      'd.model',
      't.displayName as technicianName',
      'p.binLocation',
      'p.onHand',
      'p.serialTracked'
    ])
    .where('r.status', '=', 'open')
    .orderBy('r.requestedAt')
}

const openRequestsOfJob = reusableQuery(1, (db: Db, workOrderId: string) =>
  openRequestRows(db).where('r.workOrderId', '=', workOrderId).limit(500)
)

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
