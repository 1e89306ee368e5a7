import type { PartRequestCancellation } from '../../../../src-shared/contract'
import type { WorkOrderStatus } from '../../../../src-shared/domain/workOrderStatus'

/**
 * What a query over part requests (as `r`, joined to the job as `w` and the canceller as `c`)
 * selects, beside the request's status, so that `cancellationOf` can say how a request ended. The
 * job's panel and its timeline both read it this way.
 */
export const CANCELLATION_COLUMNS = [
  'r.closedAt',
  'c.displayName as cancelledByName',
  'r.closedWithJob',
  'r.cancelReason',
  'w.closeReason'
] as const

export interface CancellationColumns {
  status: string
  closedAt: string | null
  cancelledByName: string | null
  closedWithJob: string | null
  /** The reason typed when cancelling by hand (empty for one cancelled before reasons were kept). */
  cancelReason: string
  closeReason: string
}

/**
 * How a cancelled request ended: cancelled by hand, with the reason typed then, or withdrawn as its
 * job closed, with the status the job closed to and the job's closing reason. Null while it is not
 * cancelled.
 */
export function cancellationOf(row: CancellationColumns): PartRequestCancellation | null {
  if (row.status !== 'cancelled') return null
  const withJob = row.closedWithJob as WorkOrderStatus | null
  return {
    byName: row.cancelledByName,
    at: row.closedAt,
    closedWithJob: withJob,
    reason: withJob === null ? row.cancelReason : row.closeReason
  }
}
