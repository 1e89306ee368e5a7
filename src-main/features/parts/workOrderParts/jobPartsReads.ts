import type { Db } from '../../../db/connection'
import { reusableQuery } from '../../../db/reusableQuery'
import type {
  OpenPartRequest,
  ParsedInput,
  WorkOrderPartRequest,
  WorkOrderParts
} from '../../../../src-shared/contract'
import type { PartUnit } from '../../../../src-shared/domain/stock'
import { findWorkOrder } from '../../workOrders/lookup'
import { barcodesOf, openRequestBarcodes } from '../records'
import { CANCELLATION_COLUMNS, cancellationOf } from './requestCancellation'

// What a job has asked for and been given, as its parts panel reads it, and the warehouse's
// queue of open requests: the reads of the job's parts. Requests are made and cancelled in
// partRequests.ts, parts issued in issuePart.ts.

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
    .select([...REQUEST_COLUMNS, ...CANCELLATION_COLUMNS])
    .where('r.workOrderId', '=', workOrderId)
    .orderBy('r.requestedAt')
)

type RequestOfJobRow = Awaited<ReturnType<typeof requestsOfJob.all>>[number]

/** A request as the job's panel lists it: a cancelled one says who, when and why. */
function withCancellation(row: RequestOfJobRow): WorkOrderPartRequest {
  const { closedAt, cancelledByName, closedWithJob, cancelReason, closeReason, ...request } = row
  return { ...request, cancellation: cancellationOf(row) }
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
