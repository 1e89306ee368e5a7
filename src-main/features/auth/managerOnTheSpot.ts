import type { Db } from '../../db/connection'
import { currentCallScope } from '../../rpc/callScope'
import { AppError } from '../../../src-shared/contract'
import { isManagerRole } from '../../../src-shared/domain/roles'
import type { SessionStore } from './sessions'
import { SIGNED_IN_TRY } from './signInGuard'
import { signInOrigin } from './signInSource'
import { checkTypedCredentials } from './typedCredentials'

/**
 * The manager who typed their name and password at the counter, checked like a sign-in from the
 * desk the call came from (rpc/callScope.ts): through that desk's sign-in throttle, so a counter
 * cannot guess a manager's password, or make the server hash names that do not exist, faster than
 * a sign-in could; and under the manager's lock-out (a wrong password counts toward it while the
 * desk has free tries, and a lock-out ends the given sessions). Returns their id.
 */
export async function managerOnTheSpot(
  db: Db,
  sessions: SessionStore,
  at: Date,
  approval: { username: string; password: string }
): Promise<string> {
  const call = currentCallScope()
  // Every approval arrives in a call; one that did not could not be throttled, so none is checked.
  if (!call) throw new Error('a manager approval is checked only inside a call, whose desk it is throttled by')
  const origin = signInOrigin(call.source)
  const checked = await checkTypedCredentials(
    db,
    sessions,
    call.signInThrottle,
    origin,
    at,
    approval,
    SIGNED_IN_TRY.atShopServer
  )
  if (!isManagerRole(checked.role)) throw new AppError('FORBIDDEN', 'errors.approverNotManager')
  return checked.id
}
