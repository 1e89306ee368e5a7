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
export async function checkTypedCredentials(
  db: Db,
  sessions: SessionStore,
  throttle: SignInThrottle,
  origin: SignInOrigin,
  now: Date,
  credentials: TypedCredentials,
  atShopServer: boolean
): Promise<UsersTable> {
  const sourceTry = throttle.begin(origin.key, now)
  try {
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
    return await checkPasswordWithLockout(db, sessions, found.id, credentials.password, now, {
      source: origin.key,
      atShopServer,
      countsTowardLock: sourceTry.countsTowardAccount
    })
  } catch (error) {
    if (error instanceof AppError && (error.code === 'INVALID_CREDENTIALS' || error.code === 'ACCOUNT_LOCKED'))
      sourceTry.failed(now)
    throw error
  } finally {
    sourceTry.finish()
  }
}
