import type { AppContext } from '../../app/context'
import { AppError, type CurrentUser, type SessionInfo, type SignInResult } from '../../../src-shared/contract'
import { recordAudit } from '../audit/record'
import { getShopSettings } from '../settings/service'
import { hashPassword } from './password'
import { deskIdOf, type CallSource } from '../../rpc/callSource'
import type { UsersTable } from './tables'
import type { Session } from './sessions'
import { SIGNED_IN_TRY } from './signInGuard'
import { signInOrigin } from './signInSource'
import { checkRetypedPassword, checkTypedCredentials } from './typedCredentials'
import { toCurrentUser } from './users'

export async function describeSession(app: AppContext, session: Session, user: CurrentUser): Promise<SessionInfo> {
  const settings = await getShopSettings(app.db)
  const { name, logo, timeZone } = settings.profile
  return { user, shop: { name, logo, timeZone }, idleLockMinutes: settings.idleLockMinutes, locked: session.locked }
}

/**
 * Sign-in is throttled per source before any password is checked, then checked under the
 * account's lock-out (typedCredentials.ts).
 */
export async function signIn(
  app: AppContext,
  now: Date,
  source: CallSource,
  username: string,
  password: string
): Promise<SignInResult> {
  const origin = signInOrigin(source)
  const row = await checkTypedCredentials(
    app.db,
    app.sessions,
    app.signInThrottle,
    origin,
    now,
    { username, password },
    origin.atShopServer
  )
  await app.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ lastSignInAt: now.toISOString() }).where('id', '=', row.id).execute()
    await recordAudit(trx, now, { actorId: row.id, action: 'auth.signIn', entity: 'user', entityId: row.id })
  })
  return startSession(app, now, toCurrentUser(row), origin.atShopServer, deskIdOf(source))
}

/** Opens a session for a user whose password has just been checked. */
export async function startSession(
  app: AppContext,
  now: Date,
  user: CurrentUser,
  atShopServer = false,
  deskId?: string
): Promise<SignInResult> {
  const session = app.sessions.create(user.id, now, atShopServer, deskId)
  return { token: session.token, ...(await describeSession(app, session, user)) }
}

export async function signOut(app: AppContext, now: Date, session: Session, user: CurrentUser): Promise<null> {
  app.sessions.revoke(session.token)
  await recordAudit(app.db, now, { actorId: user.id, action: 'auth.signOut', entity: 'user', entityId: user.id })
  return null
}

/** A signed-in person's own password typed again, through the desk's sign-in throttle. */
function checkOwnPassword(
  app: AppContext,
  now: Date,
  source: CallSource,
  userId: string,
  password: string,
  atShopServer: boolean
): Promise<UsersTable> {
  const origin = signInOrigin(source)
  return checkRetypedPassword(app.db, app.sessions, app.signInThrottle, origin, now, { userId, password }, atShopServer)
}

/**
 * Unlocking an idle-locked session, through the desk's sign-in throttle and under the account's
 * lock-out, which ends this session with the account's others.
 */
export async function unlock(
  app: AppContext,
  now: Date,
  source: CallSource,
  session: Session,
  user: CurrentUser,
  password: string
): Promise<SessionInfo> {
  await checkOwnPassword(app, now, source, user.id, password, session.atShopServer)
  session.locked = false
  app.sessions.touch(session, now)
  return describeSession(app, session, user)
}

/** The current password is checked as an unlock is; the new one ends the user's other sessions. */
export async function changeOwnPassword(
  app: AppContext,
  now: Date,
  source: CallSource,
  session: Session,
  user: CurrentUser,
  currentPassword: string,
  newPassword: string
): Promise<null> {
  try {
    await checkOwnPassword(app, now, source, user.id, currentPassword, SIGNED_IN_TRY.atShopServer)
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
      throw new AppError('INVALID_CREDENTIALS', 'errors.currentPasswordWrong', {
        fields: [{ path: 'currentPassword', messageKey: 'errors.currentPasswordWrong' }]
      })
    }
    throw error
  }
  const passwordHash = await hashPassword(newPassword)
  await app.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ passwordHash, passwordChangedAt: now.toISOString(), updatedAt: now.toISOString() })
      .where('id', '=', user.id)
      .execute()
    await recordAudit(trx, now, { actorId: user.id, action: 'auth.changePassword', entity: 'user', entityId: user.id })
  })
  // Other places this user was signed in must sign in again with the new password.
  app.sessions.revokeUser(user.id, session.token)
  return null
}
