import { randomUUID } from 'node:crypto'
import type { HqContext } from '../context'
import type { StaffUsersTable } from '../db/schema'
import { HqError } from '../errors'
import { newBearerSecret, secretHash } from '../secrets'
import { hashStaffPassword, verifyStaffPassword } from './passwords'
import { forgiveSignInTries, takeSignInTry } from './signInThrottle'
import type { StaffUser } from '../contractOutputs'

export type StaffRole = StaffUsersTable['role']
export const STAFF_ROLES = ['networkAdmin', 'claimsReviewer', 'analyst'] as const satisfies readonly StaffRole[]

/** A staff session lasts a working day; signing in again starts a new one. */
const SESSION_HOURS = 12

export async function createStaffUser(
  hq: HqContext,
  input: { username: string; displayName: string; role: StaffRole; password: string }
): Promise<StaffUser> {
  const taken = await hq.db
    .selectFrom('staffUsers')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst()
  if (taken) throw new HqError('CONFLICT', 'hqErrors.usernameTaken')
  const user = { id: randomUUID(), username: input.username, displayName: input.displayName, role: input.role }
  await hq.db
    .insertInto('staffUsers')
    .values({ ...user, passwordHash: await hashStaffPassword(input.password), createdAt: hq.now().toISOString() })
    .execute()
  return user
}

/**
 * The first start of an empty HQ creates its network admin, so someone can sign in at all.
 * Answers false when staff exist already.
 */
export async function bootstrapAdmin(hq: HqContext, password: string): Promise<boolean> {
  const any = await hq.db.selectFrom('staffUsers').select('id').limit(1).executeTakeFirst()
  if (any) return false
  await createStaffUser(hq, { username: 'admin', displayName: 'HQ admin', role: 'networkAdmin', password })
  return true
}

export async function signIn(
  hq: HqContext,
  username: string,
  password: string
): Promise<{ token: string; user: StaffUser }> {
  takeSignInTry(hq, username)
  const row = await hq.db
    .selectFrom('staffUsers')
    .selectAll()
    .where('username', '=', username)
    .where('active', '=', true)
    .executeTakeFirst()
  if (!row || !(await verifyStaffPassword(password, row.passwordHash))) throw new HqError('SIGN_IN_FAILED')
  forgiveSignInTries(hq, username)
  const token = newBearerSecret('hqs_')
  const now = hq.now()
  await hq.db
    .insertInto('staffSessions')
    .values({
      tokenHash: secretHash(token),
      userId: row.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString()
    })
    .execute()
  return { token, user: { id: row.id, username: row.username, displayName: row.displayName, role: row.role } }
}

export async function signOut(hq: HqContext, token: string): Promise<void> {
  await hq.db.deleteFrom('staffSessions').where('tokenHash', '=', secretHash(token)).execute()
}

/** The signed-in staff member a bearer token belongs to. */
export async function staffOfToken(hq: HqContext, token: string | undefined): Promise<StaffUser> {
  if (!token) throw new HqError('UNAUTHENTICATED')
  const row = await hq.db
    .selectFrom('staffSessions as s')
    .innerJoin('staffUsers as u', 'u.id', 's.userId')
    .select(['u.id', 'u.username', 'u.displayName', 'u.role', 'u.active', 's.expiresAt'])
    .where('s.tokenHash', '=', secretHash(token))
    .executeTakeFirst()
  if (!row || !row.active || row.expiresAt.getTime() <= hq.now().getTime()) throw new HqError('UNAUTHENTICATED')
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role }
}
