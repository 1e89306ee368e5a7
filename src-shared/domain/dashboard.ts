import type { Role } from './roles'

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
