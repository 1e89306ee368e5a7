/** The fixed set of roles a shop can give its staff. Stored by code; labels come from i18n. */
export const ROLES = ['admin', 'manager', 'front_desk', 'technician', 'warehouse_clerk'] as const

export type Role = (typeof ROLES)[number]

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/**
 * The roles that count as a manager: they approve discounts and stock corrections above the
 * shop's threshold, see every passcode and read the audit log. The admin counts as a manager.
 */
export const MANAGER_ROLES: readonly Role[] = ['admin', 'manager']

/** Whether someone with this role may approve what needs a manager. */
export function isManagerRole(role: string): boolean {
  return (MANAGER_ROLES as readonly string[]).includes(role)
}
