import { isManagerRole, type Role } from './roles'

/**
 * A device passcode is kept only with the customer's consent and shown only to the technician
 * assigned to the job and to managers (the admin counts as a manager here).
 */
export function mayViewPasscode(viewer: { id: string; role: Role }, assignedTechnicianId: string | null): boolean {
  if (isManagerRole(viewer.role)) return true
  return viewer.role === 'technician' && viewer.id === assignedTechnicianId
}
