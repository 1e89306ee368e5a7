import type { AppContext } from '../../app/context'
import type { Db } from '../../db/connection'
import { containsPattern, like } from '../../db/like'
import { AppError, type CurrentUser, type Page, type ParsedInput, type UserSummary } from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { recordAudit } from '../audit/record'
import { hashPassword } from '../auth/password'
import type { UsersTable } from '../auth/tables'
import { toUserSummary } from '../auth/users'

export async function listUsers(db: Db, query: ParsedInput<'users.list'>): Promise<Page<UserSummary>> {
  let filtered = db.selectFrom('users').innerJoin('roles', 'roles.code', 'users.role')
  if (query.search) {
    const pattern = containsPattern(query.search)
    filtered = filtered.where((eb) =>
      eb.or(['users.username', 'users.displayName', 'users.phone'].map((column) => like(column, pattern)))
    )
  }
  if (query.role) filtered = filtered.where('users.role', '=', query.role)
  if (!query.includeDisabled) filtered = filtered.where('users.disabled', '=', 0)

  const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const rows = await filtered
    .selectAll('users')
    .orderBy('users.disabled')
    .orderBy('roles.sortOrder')
    .orderBy('users.displayName')
    .orderBy('users.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return { rows: rows.map(toUserSummary), total: Number(total) }
}

export async function createUser(
  app: AppContext,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'users.create'>
): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password)
  return app.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst()
    if (taken) throw usernameTaken()
    const row: UsersTable = {
      id: uuidv7(now.getTime()),
      username: input.username,
      displayName: input.displayName,
      phone: input.phone,
      role: input.role,
      passwordHash,
      disabled: 0,
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: null,
      passwordChangedAt: now.toISOString(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString()
    }
    await trx.insertInto('users').values(row).execute()
    const created = toUserSummary(row)
    await recordAudit(trx, now, {
      actorId: actor.id,
      action: 'users.create',
      entity: 'user',
      entityId: row.id,
      after: created
    })
    return created
  })
}

function usernameTaken(): AppError {
  return new AppError('CONFLICT', 'errors.usernameTaken', {
    fields: [{ path: 'username', messageKey: 'errors.usernameTaken' }]
  })
}

/**
 * Applies one change to a user inside a transaction with its audit row. `guard` sees the row
 * before the change and may refuse it; the shop must always keep one active administrator.
 */
async function changeUser(
  db: Db,
  now: Date,
  actor: CurrentUser,
  userId: string,
  action: string,
  change: Partial<UsersTable>,
  guard?: (before: UsersTable, trx: Db) => Promise<void>
): Promise<UserSummary> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', 'errors.userNotFound')
    await guard?.(before, trx)
    const after: UsersTable = { ...before, ...change, updatedAt: now.toISOString() }
    await trx
      .updateTable('users')
      .set({ ...change, updatedAt: after.updatedAt })
      .where('id', '=', userId)
      .execute()
    await recordAudit(trx, now, {
      actorId: actor.id,
      action,
      entity: 'user',
      entityId: userId,
      before: toUserSummary(before),
      after: toUserSummary(after)
    })
    return toUserSummary(after)
  })
}

async function refuseIfLastActiveAdmin(trx: Db, user: UsersTable): Promise<void> {
  if (user.role !== 'admin' || user.disabled === 1) return
  const { count } = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow()
  if (Number(count) <= 1) throw new AppError('CONFLICT', 'errors.lastAdmin')
}

export function updateUser(
  app: AppContext,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'users.update'>
): Promise<UserSummary> {
  const { id, ...change } = input
  return changeUser(app.db, now, actor, id, 'users.update', change, async (before, trx) => {
    if (change.role !== 'admin') await refuseIfLastActiveAdmin(trx, before)
  })
}

export async function setUserDisabled(
  app: AppContext,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'users.setDisabled'>
): Promise<UserSummary> {
  const updated = await changeUser(
    app.db,
    now,
    actor,
    input.id,
    input.disabled ? 'users.disable' : 'users.enable',
    { disabled: input.disabled ? 1 : 0 },
    async (before, trx) => {
      if (!input.disabled) return
      if (before.id === actor.id) throw new AppError('CONFLICT', 'errors.cannotDisableSelf')
      await refuseIfLastActiveAdmin(trx, before)
    }
  )
  if (input.disabled) app.sessions.revokeUser(input.id)
  return updated
}

/** Ends the user's other sessions; an admin resetting their own password stays signed in here. */
export async function resetUserPassword(
  app: AppContext,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'users.resetPassword'>,
  actorToken?: string
): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.newPassword)
  const updated = await changeUser(app.db, now, actor, input.id, 'users.resetPassword', {
    passwordHash,
    passwordChangedAt: now.toISOString(),
    failedSignIns: 0,
    lockedUntil: null
  })
  app.sessions.revokeUser(input.id, actorToken)
  return updated
}
