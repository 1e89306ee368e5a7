import type { Db } from '../../db/connection'
import { AppError } from '../../../src-shared/contract'
import { isManagerRole } from '../../../src-shared/domain/roles'
import { decoyPasswordHash, verifyPassword } from './password'
import type { SessionStore } from './sessions'
import { checkPasswordWithLockout } from './signInGuard'

/**
 * The manager who typed their name and password at the counter, checked like a sign-in (a wrong
 * password counts toward their lock-out, which ends the given sessions). Returns their id.
 */
export async function managerOnTheSpot(
  db: Db,
  sessions: SessionStore,
  at: Date,
  approval: { username: string; password: string }
): Promise<string> {
  const manager = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('username', '=', approval.username)
    .executeTakeFirst()
  if (!manager) {
    // Spend the time a real check takes, so the answer does not tell which names exist.
    await verifyPassword(approval.password, await decoyPasswordHash())
    throw new AppError('INVALID_CREDENTIALS')
  }
  const checked = await checkPasswordWithLockout(db, sessions, manager.id, approval.password, at)
  if (!isManagerRole(checked.role)) throw new AppError('FORBIDDEN', 'errors.approverNotManager')
  return checked.id
}
