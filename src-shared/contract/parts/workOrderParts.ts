import { z } from 'zod'
import { operation } from '../operation'
import { id, optionalText, serialSchema, text } from '../common'
import type { PartUnit } from '../../domain/stock'
import type { WorkOrderStatus } from '../../domain/workOrderStatus'

export interface PartRequest {
  id: string
  workOrderId: string
  partId: string
  partNumber: string
  partName: string
  quantity: number
  /** How much of it has been issued so far. */
  issuedQuantity: number
  note: string
  status: 'open' | 'issued' | 'cancelled'
  /** The part's selling price in the catalogue now: what a quote counts for what is still to come. */
  unitPriceFen: number
  requestedAt: string
  requestedByName: string | null
}

/** One issue of a part to a job; what is not returned is what the job used. */
export interface IssuedPartLine {
  id: string
  partId: string
  partNumber: string
  partName: string
  unit: PartUnit
  serial: string | null
  quantity: number
  returnedQuantity: number
  /** Selling price at the time of issue: what checkout charges. */
  unitPriceFen: number
  /** (quantity − returned) × unit price. */
  amountFen: number
  issuedAt: string
  issuedByName: string | null
}

/**
 * How a request ended when it was cancelled: by hand, with the reason given, or withdrawn as its job
 * closed, with the status the job closed to and the job's closing reason.
 */
export interface PartRequestCancellation {
  /** Who cancelled it, or who closed its job (null for a row older than that bookkeeping). */
  byName: string | null
  at: string | null
  /** The status the job closed to when the request was withdrawn with it; null when cancelled by hand. */
  closedWithJob: WorkOrderStatus | null
  /** Why: the reason typed when cancelling, or the job's closing reason (may be empty on old rows). */
  reason: string
}

/** A request as the job's parts panel shows it: with how it was cancelled, when it was. */
export interface WorkOrderPartRequest extends PartRequest {
  cancellation: PartRequestCancellation | null
}

export interface WorkOrderParts {
  workOrderId: string
  requests: WorkOrderPartRequest[]
  lines: IssuedPartLine[]
  totalFen: number
}

/** A line of the warehouse's queue: a job waiting for a part. */
export interface OpenPartRequest extends PartRequest {
  workOrderNumber: string
  workOrderStatus: WorkOrderStatus
  deviceLabel: string
  technicianName: string | null
  binLocation: string
  onHand: number
  serialTracked: boolean
  barcodes: string[]
}

/**
 * What an issue answers: the line it added to the job, and the job's rows in the warehouse's
 * queue as they stand now (the same rows workOrderParts.openRequests lists; empty when the job
 * waits for nothing more), so the queue screen updates without asking again. The job's other
 * lines are not read back: the warehouse's screen does not show them, and issuing is the
 * warehouse's most frequent write (workOrderParts.get has them).
 */
export interface IssuedToWorkOrder {
  line: IssuedPartLine
  queueRows: OpenPartRequest[]
}

const quantity = z.number().int().min(1).max(1000)

export const workOrderPartsContract = {
  'workOrderParts.get': operation<WorkOrderParts>()(z.object({ workOrderId: id }).strict()),
  /** The technician asks the warehouse for a part for their job. */
  'workOrderParts.request': operation<WorkOrderParts>()(
    z.object({ workOrderId: id, partId: id, quantity, note: optionalText(200) }).strict()
  ),
  /**
   * Cancels an open request, saying why (the job's timeline shows it): a reason is required, as a
   * cancel nobody can explain later is what the timeline is there to prevent.
   */
  'workOrderParts.cancelRequest': operation<WorkOrderParts>()(z.object({ requestId: id, reason: text(100) }).strict()),
  /** The warehouse's queue of requests not yet issued, oldest first. */
  'workOrderParts.openRequests': operation<OpenPartRequest[]>()(z.object({}).strict()),
  /**
   * Issues a part to a job: STOCK_INSUFFICIENT when fewer are on hand, and nothing changes.
   * A serial-tracked part goes one unit at a time with its serial. Fulfils the job's open
   * request for the part when there is one. Answers with the job's queue rows too.
   */
  'workOrderParts.issue': operation<IssuedToWorkOrder>()(
    z.object({ workOrderId: id, partId: id, quantity, serial: serialSchema.default(null) }).strict()
  ),
  /** Unused parts back to stock from a job, at the cost they left with. */
  'workOrderParts.return': operation<WorkOrderParts>()(z.object({ lineId: id, quantity }).strict())
}
