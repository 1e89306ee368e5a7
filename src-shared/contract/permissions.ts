import type { Role } from '../domain/roles'
import type { OperationName } from './index'

/**
 * Who may call what. Enforced in the main process on every call; the renderer reads the same
 * table only to decide what to show.
 * - `public`: no session needed (first-run and sign-in only);
 * - `signedIn`: any signed-in user;
 * - a role list: only those roles.
 */
export type Access = 'public' | 'signedIn' | readonly Role[]

const ADMIN: readonly Role[] = ['admin']
const ADMIN_AND_MANAGER: readonly Role[] = ['admin', 'manager']

export const permissions: Record<OperationName, Access> = {
  'setup.status': 'public',
  'setup.initialize': 'public',
  'auth.signIn': 'public',
  'auth.signOut': 'signedIn',
  'auth.session': 'signedIn',
  'auth.lock': 'signedIn',
  'auth.unlock': 'signedIn',
  'auth.changePassword': 'signedIn',
  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.update': ADMIN,
  'users.setDisabled': ADMIN,
  'users.resetPassword': ADMIN,
  'settings.get': 'signedIn',
  'settings.update': ADMIN,
  'audit.list': ADMIN_AND_MANAGER,
  'audit.actions': ADMIN_AND_MANAGER
}

/** Operations a session may still call after idle auto-lock, before the password is typed again. */
export const ALLOWED_WHILE_LOCKED: ReadonlySet<OperationName> = new Set([
  'auth.session',
  'auth.unlock',
  'auth.signOut'
])

export function roleMayCall(role: Role, operation: OperationName): boolean {
  const access = permissions[operation]
  if (access === 'public' || access === 'signedIn') return true
  return access.includes(role)
}
