import { shopLocalDate } from './timeZone'
import { isClosed, type WorkOrderStatus } from './workOrderStatus'

/** Whole days between two calendar dates (YYYY-MM-DD). */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000)
}

/**
 * How many days a job has waited since an instant, the one way the app counts it (the board's and
 * the list's age since intake, the home's wait since ready for pick-up): shop calendar days, so a
 * job brought in late yesterday has waited 1 day this morning, as the counter would say it.
 */
export function daysWaitedSince(since: string, today: string, timeZone: string): number {
  return Math.max(0, daysBetween(shopLocalDate(new Date(since), timeZone), today))
}

/**
 * Overdue: the promised date has passed and the shop still owes the customer work. A job that
 * is ready and waiting for the customer is not the shop's delay.
 */
export function isOverdue(status: WorkOrderStatus, promisedDate: string | null, today: string): boolean {
  if (!promisedDate || isClosed(status) || status === 'ready_for_pickup') return false
  return promisedDate < today
}
