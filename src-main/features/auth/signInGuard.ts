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
import type { SessionStore } from './sessions'
import type { UsersTable } from './tables'

/**
 * Password checks for one account run one at a time. Otherwise a guesser could send many
 * attempts at once: each would read the count before any wrong one was recorded, and a right
 * guess among them would reset the count. The app is the database's only writer (one
 * instance), so an in-process queue per account is enough.
 */
const checksInProgress = new Map<string, Promise<unknown>>()

function oneAtATime<T>(userId: string, check: () => Promise<T>): Promise<T> {
  const previous = checksInProgress.get(userId) ?? Promise.resolve()
  const next = previous.then(check, check)
  const settled = next.catch(() => undefined)
  checksInProgress.set(userId, settled)
  void settled.then(() => {
    if (checksInProgress.get(userId) === settled) checksInProgress.delete(userId)
  })
  return next
}

/** Who is trying a password, as far as the lock-out is concerned. */
export interface PasswordTry {
  /** Whose turn it is in the password-check line (passwordCheckQueue.ts). */
  source: string
  /**
   * At the shop server itself: the account's lock does not refuse it (an admin can always sign
   * in there, however many guesses came from the network), a right password there leaves the
   * lock standing against the network, and a lock caused from elsewhere spares its sessions.
   */
  atShopServer: boolean
  /** Whether a wrong password adds to the account's count (not once its source is throttled). */
  countsTowardLock: boolean
}

/**
 * A password retyped by someone signed in (changing their own, a manager's approval) is not spared
 * by the lock as the shop server's sign-in is. Each goes through its desk's throttle
 * (typedCredentials.ts), which gives its source and whether it counts.
 */
export const SIGNED_IN_TRY: PasswordTry = { source: 'signed-in', atShopServer: false, countsTowardLock: true }

/**
 * Checks a password for an account, keeping the lock-out count: a wrong password counts, a
 * right one resets it, and a locked account is refused even with the right password, except
 * at the shop server itself (see PasswordTry).
 * Used by sign-in, unlocking an idle-locked session, changing one's own password, and a
 * manager's approval at checkout. The lock-out ends every session the account has open: they
 * may be the guesser's, and a lock that let an earlier sign-in carry on would protect nothing.
 * Returns the account as it is after the check.
 */
export function checkPasswordWithLockout(
  db: Db,
  sessions: SessionStore,
  userId: string,
  password: string,
  now: Date,
  passwordTry: PasswordTry
): Promise<UsersTable> {
  return oneAtATime(userId, async () => {
    const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
    if (!user) throw new AppError('INVALID_CREDENTIALS')
    const locked = isLockedOut(user, now)
    if (locked && !passwordTry.atShopServer)
      throw new AppError('ACCOUNT_LOCKED', 'errors.ACCOUNT_LOCKED', { lockedUntil: user.lockedUntil })
    if (await verifyPassword(password, user.passwordHash, passwordTry.source)) {
      // A lock still standing keeps holding the network off until it runs out.
      if (!locked) await saveGuardState(db, user.id, AFTER_SUCCESSFUL_SIGN_IN)
      // Told only to someone who knows the password, so it reveals nothing to a guesser.
      if (user.disabled === 1) throw new AppError('ACCOUNT_DISABLED')
      return locked ? user : { ...user, ...AFTER_SUCCESSFUL_SIGN_IN }
    }
    if (locked || !passwordTry.countsTowardLock) throw new AppError('INVALID_CREDENTIALS')
    const state = afterFailedSignIn(user, now)
    await db.transaction().execute(async (trx) => {
      await saveGuardState(trx, user.id, state)
      if (state.lockedUntil) {
        await recordAudit(trx, now, {
          actorId: null,
          action: 'auth.lockedOut',
          entity: 'user',
          entityId: user.id,
          after: state
        })
      }
    })
    if (state.lockedUntil) {
      sessions.revokeUser(user.id, undefined, !passwordTry.atShopServer)
      throw new AppError('ACCOUNT_LOCKED', 'errors.ACCOUNT_LOCKED', { lockedUntil: state.lockedUntil })
    }
    throw new AppError('INVALID_CREDENTIALS')
  })
}

async function saveGuardState(db: Db, userId: string, state: SignInGuardState): Promise<void> {
  await db
    .updateTable('users')
    .set({ failedSignIns: state.failedSignIns, lockedUntil: state.lockedUntil })
    .where('id', '=', userId)
    .execute()
}
