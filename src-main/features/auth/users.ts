import type { Db } from '../../db/connection'
import { reusableQuery } from '../../db/reusableQuery'
import type { CurrentUser, UserSummary } from '../../../src-shared/contract'
import { isLockedOut } from '../../../src-shared/domain/lockout'
import type { UsersTable } from './tables'

/** User rows as the rest of the app sees them: never with the password hash. */
export function toCurrentUser(row: Pick<UsersTable, 'id' | 'username' | 'displayName' | 'role'>): CurrentUser {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role }
}

export function toUserSummary(row: UsersTable): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phone: row.phone,
    role: row.role,
    disabled: row.disabled === 1,
    lockedUntil: row.lockedUntil,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt
  }
}

// Read on every call a signed-in person makes (rpc/dispatch.ts): compiled once (db/reusableQuery.ts).
const activeUserRow = reusableQuery(1, (db: Db, userId: string) =>
  db
    .selectFrom('users')
    .select(['id', 'username', 'displayName', 'role', 'lockedUntil'])
    .where('id', '=', userId)
    .where('disabled', '=', 0)
)

/**
 * The account if it may act now: neither disabled nor locked out. A session opened at the shop
 * server itself is let through a lock (`ignoreLock`): that is where an admin can always sign in.
 */
export async function findActiveUser(
  db: Db,
  userId: string,
  now: Date,
  ignoreLock = false
): Promise<CurrentUser | undefined> {
  const row = await activeUserRow.first(db, userId)
  return row && (ignoreLock || !isLockedOut(row, now)) ? toCurrentUser(row) : undefined
}
