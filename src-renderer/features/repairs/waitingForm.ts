import type { WorkOrderDetail } from '../../../src-shared/contract'
import type { WaitingCause } from '../../../src-shared/domain/warranty/waiting'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'

/**
 * What the waiting form starts with: the job's recorded wait, or the parts not supplied since the
 * day the job was received on the shop's calendar. The UTC date of the stored instant would be the
 * day before for a job received between midnight and 08:00 in China.
 */
export function waitingFormOf(order: WorkOrderDetail, timeZone: string): { cause: WaitingCause; since: string } {
  return {
    cause: order.waiting?.cause ?? 'parts_not_supplied',
    since: order.waiting?.since ?? shopLocalDate(new Date(order.createdAt), timeZone)
  }
}
