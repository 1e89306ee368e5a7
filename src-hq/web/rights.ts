import { hqStaffContract, type HqStaffOperation } from '../contract'
import { session } from './api'

/** Whether the signed-in role may call an operation: read from the contract HQ itself enforces. */
export function may(operation: HqStaffOperation): boolean {
  const roles = hqStaffContract[operation].roles
  const role = session.user?.role
  return roles !== 'signedOut' && role !== undefined && (roles as readonly string[]).includes(role)
}
