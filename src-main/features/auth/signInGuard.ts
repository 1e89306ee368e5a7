import type { Db } from '../../db/connection'
import { AppError } from '../../../src-shared/contract'
import {
  AFTER_SUCCESSFUL_SIGN_IN,
  afterFailedSignIn,
  isLockedOut,
  type SignInGuardState
} from '../../../src-shared/domain/lockout'
import { recordAudit } from '../audit/record'
import { verifyPassword } from './password'
import type { UsersTable } from './tables'

/**
 * Checks a password for an account, keeping the lock-out count: a wrong password counts, a
 * right one resets it, and a locked account is refused even with the right password.
 * Used by sign-in and by unlocking an idle-locked session alike.
 */
export async function checkPasswordWithLockout(db: Db, user: UsersTable, password: string, now: Date): Promise<void> {
  if (isLockedOut(user, now)) throw new AppError('ACCOUNT_LOCKED', 'errors.ACCOUNT_LOCKED', { lockedUntil: user.lockedUntil })
  if (await verifyPassword(password, user.passwordHash)) {
    await saveGuardState(db, user.id, AFTER_SUCCESSFUL_SIGN_IN)
    // Told only to someone who knows the password, so it reveals nothing to a guesser.
    if (user.disabled === 1) throw new AppError('ACCOUNT_DISABLED')
    return
  }
  const next = await db.transaction().execute(async (trx) => {
    // Re-read inside the transaction so two wrong passwords typed at once both count.
    const current = await trx
      .selectFrom('users')
      .select(['failedSignIns', 'lockedUntil'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    const state = afterFailedSignIn(current, now)
    await saveGuardState(trx, user.id, state)
    if (state.lockedUntil) {
      await recordAudit(trx, now, { actorId: null, action: 'auth.lockedOut', entity: 'user', entityId: user.id, after: state })
    }
    return state
  })
  if (next.lockedUntil) throw new AppError('ACCOUNT_LOCKED', 'errors.ACCOUNT_LOCKED', { lockedUntil: next.lockedUntil })
  throw new AppError('INVALID_CREDENTIALS')
}

async function saveGuardState(db: Db, userId: string, state: SignInGuardState): Promise<void> {
  await db
    .updateTable('users')
    .set({ failedSignIns: state.failedSignIns, lockedUntil: state.lockedUntil })
    .where('id', '=', userId)
    .execute()
}
