/** The fixed set of roles a shop can give its staff. Stored by code; labels come from i18n. */
export const ROLES = ['admin', 'manager', 'front_desk', 'technician', 'warehouse_clerk'] as const

export type Role = (typeof ROLES)[number]

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
