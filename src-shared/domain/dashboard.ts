import type { Role } from './roles'
import { OPEN_STATUSES, type WorkOrderStatus } from './workOrderStatus'

export type DashboardSection = 'frontDesk' | 'technician' | 'warehouse' | 'manager'

/** Which tiles each role's home shows; a manager also watches the counter and the stock room. */
export const DASHBOARD_SECTIONS: Readonly<Record<Role, readonly DashboardSection[]>> = {
  front_desk: ['frontDesk'],
  technician: ['technician'],
  warehouse_clerk: ['warehouse'],
  manager: ['manager', 'frontDesk', 'warehouse'],
  admin: ['manager', 'frontDesk', 'warehouse']
}

/** A job whose status has not moved for this many days counts as stuck on the manager's home. */
export const STUCK_AFTER_DAYS = 7

/** How many of the longest waits for pick-up the front desk's tile lists. */
export const LONGEST_WAITS_SHOWN = 5

/** Open jobs the shop still works on: every open status except those waiting for their owner. */
export const BENCH_STATUSES: readonly WorkOrderStatus[] = OPEN_STATUSES.filter(
  (status) => status !== 'ready_for_pickup'
)

/**
 * The bench jobs a technician works on (their 待修 tile): not those waiting for parts, which their
 * own tile follows, so a job is counted once. A job in the quote stage stays: once the customer
 * (and, above the limit, the manager) said yes it waits for the technician's start, and its card
 * says whose move it is.
 */
export const WORKABLE_STATUSES: readonly WorkOrderStatus[] = BENCH_STATUSES.filter(
  (status) => status !== 'awaiting_parts'
)
