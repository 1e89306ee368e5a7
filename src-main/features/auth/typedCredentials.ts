import type { Db } from '../../db/connection'
import { AppError } from '../../../src-shared/contract'
import { decoyPasswordHash, verifyPassword } from './password'
import type { SessionStore } from './sessions'
import { checkPasswordWithLockout } from './signInGuard'
import type { SignInOrigin } from './signInSource'
import type { SignInThrottle } from './sourceThrottle'
import type { UsersTable } from './tables'

export interface TypedCredentials {
  username: string
  password: string
}

/**
 * A user name and password typed at a desk: a sign-in, or a manager's approval on the spot. The
 * source's throttle (sourceThrottle.ts) refuses it before any password is checked once the
 * source has used its free tries, and a wrong one counts against the source, whichever of the two
 * it was; then the password is checked under the account's lock-out (signInGuard.ts), to which a
 * throttled source adds nothing. See lockout.ts for how the two fit. Returns the account.
 *
 * `atShopServer` is whether the account's lock spares this try (signInGuard.ts PasswordTry).
 */
export function checkTypedCredentials(
  db: Db,
  sessions: SessionStore,
  throttle: SignInThrottle,
  origin: SignInOrigin,
  now: Date,
  credentials: TypedCredentials,
  atShopServer: boolean
): Promise<UsersTable> {
  return throughSourceThrottle(throttle, origin, now, async (countsTowardLock) => {
    const found = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', credentials.username)
      .executeTakeFirst()
    if (!found) {
      // Spend the same time as a real check, in the same line, so the answer does not reveal which names exist.
      await verifyPassword(credentials.password, await decoyPasswordHash(), origin.key)
      throw new AppError('INVALID_CREDENTIALS')
    }
    return checkPasswordWithLockout(db, sessions, found.id, credentials.password, now, {
      source: origin.key,
      atShopServer,
      countsTowardLock
    })
  })
}

/**
 * A signed-in person's own password retyped at their desk: unlocking an idle-locked session, or
 * the current password when changing it. Throttled by the desk exactly as a sign-in from it is,
 * so a locked screen is no better place to guess at than the sign-in page (nor the shop server's
 * own, where the account's lock-out does not refuse), then checked under the account's lock-out.
 */
export function checkRetypedPassword(
  db: Db,
  sessions: SessionStore,
  throttle: SignInThrottle,
  origin: SignInOrigin,
  now: Date,
  retyped: { userId: string; password: string },
  atShopServer: boolean
): Promise<UsersTable> {
  return throughSourceThrottle(throttle, origin, now, (countsTowardLock) =>
    checkPasswordWithLockout(db, sessions, retyped.userId, retyped.password, now, {
      source: origin.key,
      atShopServer,
      countsTowardLock
    })
  )
}

/**
 * Runs one password check as a try of its source: refused unchecked while the source waits, and
 * counted against it when the password was wrong (or the account locked). The check is told
 * whether a wrong password still adds to the account's count.
 */
async function throughSourceThrottle<T>(
  throttle: SignInThrottle,
  origin: SignInOrigin,
  now: Date,
  check: (countsTowardLock: boolean) => Promise<T>
): Promise<T> {
  const sourceTry = throttle.begin(origin.key, now)
  try {
    return await check(sourceTry.countsTowardAccount)
  } catch (error) {
    if (error instanceof AppError && (error.code === 'INVALID_CREDENTIALS' || error.code === 'ACCOUNT_LOCKED'))
      sourceTry.failed(now)
    throw error
  } finally {
    sourceTry.finish()
  }
}
