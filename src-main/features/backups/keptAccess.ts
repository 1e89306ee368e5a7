import type BetterSqlite3 from 'better-sqlite3'
import { AppError } from '../../../src-shared/contract'
import type { RestoreAccess, RestoreKept } from '../../../src-shared/contract/backups'
import { isLockedOut } from '../../../src-shared/domain/lockout'

/**
 * Who may get in, as the running database has it: read just before a restore, put onto the
 * restored copy in the same swap. A restore puts back the shop's records, not the access the
 * owner has taken away since: a copy from last week would otherwise let a desk revoked yesterday
 * (a stolen PC) call again, a member of staff deactivated since sign in, and a password changed
 * since (because someone learnt it) work again, and an account locked out after too many wrong
 * passwords would be open to guessing again.
 */
export interface RunningAccess {
  users: AccountAccess[]
  revokedDesks: RevokedDesk[]
}

interface AccountAccess {
  id: string
  displayName: string
  role: string
  disabled: number
  passwordHash: string
  passwordChangedAt: string
  updatedAt: string
  failedSignIns: number
  lockedUntil: string | null
}

interface RevokedDesk {
  id: string
  name: string
  revokedAt: string
  revokedBy: string | null
}

export function readRunningAccess(sqlite: BetterSqlite3.Database): RunningAccess {
  const users = sqlite
    .prepare(
      `SELECT id, display_name AS displayName, role, disabled, password_hash AS passwordHash,
              password_changed_at AS passwordChangedAt, updated_at AS updatedAt,
              failed_sign_ins AS failedSignIns, locked_until AS lockedUntil
         FROM users`
    )
    .all() as AccountAccess[]
  const revokedDesks = sqlite
    .prepare(
      `SELECT id, name, revoked_at AS revokedAt, revoked_by AS revokedBy FROM desks WHERE revoked_at IS NOT NULL`
    )
    .all() as RevokedDesk[]
  return { users, revokedDesks }
}

/** What keepRunningAccess puts onto a copy: the running database's rows it keeps. */
interface AccessToKeep {
  passwords: AccountAccess[]
  accounts: AccountAccess[]
  revokedDesks: RevokedDesk[]
  /** Accounts whose wrong-password count or lock-out differs from the copy's. */
  signInGuards: AccountAccess[]
  /** Of those, the accounts locked out now, where the copy does not hold the same lock. */
  lockedOut: AccountAccess[]
}

/**
 * Works out, reading the copy only, what the running database decided after the copy:
 * - a password changed after the copy's one stays the password;
 * - an account changed after the copy's version of it keeps its role and whether it is active
 *   (a deactivation or a demotion since the copy stands; so does a re-activation since);
 * - a desk revoked stays revoked (a revocation is never taken back; a desk pairs anew);
 * - the wrong passwords counted and the lock-out stay as they are now, whatever the copy says:
 *   they record tries that were made, and only today's database knows them all. A lock an admin
 *   lifted since (a password reset clears it) is not put back either, nor is the count of tries
 *   against a password that is no longer the one kept.
 * Accounts and desks the copy does not hold are not made. The restore puts it on (keepRunningAccess);
 * the preview names it before the admin confirms (previewAccess).
 */
function accessToKeep(copyDb: BetterSqlite3.Database, running: RunningAccess, now: Date): AccessToKeep {
  const keep: AccessToKeep = { passwords: [], accounts: [], revokedDesks: [], signInGuards: [], lockedOut: [] }
  const inCopy = copyDb.prepare(
    `SELECT role, disabled, password_changed_at AS passwordChangedAt, updated_at AS updatedAt,
            failed_sign_ins AS failedSignIns, locked_until AS lockedUntil
       FROM users WHERE id = ?`
  )
  for (const user of running.users) {
    const copy = inCopy.get(user.id) as Omit<AccountAccess, 'id' | 'displayName' | 'passwordHash'> | undefined
    if (!copy) continue
    if (user.passwordChangedAt > copy.passwordChangedAt) keep.passwords.push(user)
    if (user.updatedAt > copy.updatedAt && (user.role !== copy.role || user.disabled !== copy.disabled)) {
      keep.accounts.push(user)
    }
    if (user.failedSignIns !== copy.failedSignIns || user.lockedUntil !== copy.lockedUntil) {
      keep.signInGuards.push(user)
      if (isLockedOut(user, now)) keep.lockedOut.push(user)
    }
  }
  // A copy from before desks were paired holds none: it has no revocation to keep.
  if (hasTable(copyDb, 'desks')) {
    const deskInCopy = copyDb.prepare(`SELECT revoked_at AS revokedAt FROM desks WHERE id = ?`)
    for (const desk of running.revokedDesks) {
      const copy = deskInCopy.get(desk.id) as { revokedAt: string | null } | undefined
      if (copy && copy.revokedAt === null) keep.revokedDesks.push(desk)
    }
  }
  return keep
}

function namesOf(keep: AccessToKeep): RestoreKept {
  return {
    passwords: keep.passwords.map((user) => user.displayName),
    accounts: keep.accounts.map((user) => user.displayName),
    revokedDesks: keep.revokedDesks.map((desk) => desk.name),
    lockedOut: keep.lockedOut.map((user) => user.displayName)
  }
}

/**
 * Whether the copy, with what the restore keeps from today, would have no active administrator:
 * the copy's admins all deactivated or given another role since. The restore refuses then, and
 * the preview says so before the admin confirms.
 */
function leavesNoAdmin(copyDb: BetterSqlite3.Database, keep: AccessToKeep): boolean {
  const keptAccounts = new Map(keep.accounts.map((user) => [user.id, user]))
  const accounts = copyDb.prepare(`SELECT id, role, disabled FROM users`).all() as {
    id: string
    role: string
    disabled: number
  }[]
  return !accounts.some((account) => {
    const after = keptAccounts.get(account.id) ?? account
    return after.role === 'admin' && after.disabled === 0
  })
}

function hasTable(sqlite: BetterSqlite3.Database, name: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
}

/**
 * Puts onto the restored (and migrated) database, in one transaction, what the running one
 * decided after the copy (accessToKeep). Refuses when the result would leave no active
 * administrator, as the users screen does. Returns what it kept, by name.
 */
export function keepRunningAccess(restored: BetterSqlite3.Database, running: RunningAccess, now: Date): RestoreKept {
  const keepPassword = restored.prepare(`UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?`)
  const keepSignInGuard = restored.prepare(`UPDATE users SET failed_sign_ins = ?, locked_until = ? WHERE id = ?`)
  const keepAccount = restored.prepare(`UPDATE users SET role = ?, disabled = ?, updated_at = ? WHERE id = ?`)
  // Whoever revoked the desk may be an account the copy does not hold.
  const keepRevocation = restored.prepare(
    `UPDATE desks SET revoked_at = ?, revoked_by = (SELECT id FROM users WHERE id = ?) WHERE id = ?`
  )
  return restored.transaction(() => {
    const keep = accessToKeep(restored, running, now)
    if (leavesNoAdmin(restored, keep)) throw new AppError('CONFLICT', 'backups.restoreLeavesNoAdmin')
    for (const user of keep.passwords) keepPassword.run(user.passwordHash, user.passwordChangedAt, user.id)
    for (const user of keep.signInGuards) keepSignInGuard.run(user.failedSignIns, user.lockedUntil, user.id)
    for (const user of keep.accounts) keepAccount.run(user.role, user.disabled, user.updatedAt, user.id)
    for (const desk of keep.revokedDesks) keepRevocation.run(desk.revokedAt, desk.revokedBy, desk.id)
    return namesOf(keep)
  })()
}

/**
 * What a restore of `copyDb` would do to who may get in, read from the copy and the running
 * database without changing either: what keepRunningAccess would keep, the active accounts and
 * desks (not revoked) made since the copy, which the restore takes away, and whether it would be
 * refused for leaving no active administrator.
 */
export function previewAccess(
  copyDb: BetterSqlite3.Database,
  runningDb: BetterSqlite3.Database,
  now: Date
): RestoreAccess {
  const running = readRunningAccess(runningDb)
  const userInCopy = copyDb.prepare(`SELECT 1 FROM users WHERE id = ?`)
  const lostAccounts = running.users
    .filter((user) => user.disabled === 0 && userInCopy.get(user.id) === undefined)
    .map((user) => user.displayName)
  const desks = runningDb.prepare(`SELECT id, name FROM desks WHERE revoked_at IS NULL ORDER BY paired_at`).all() as {
    id: string
    name: string
  }[]
  const deskInCopy = hasTable(copyDb, 'desks') ? copyDb.prepare(`SELECT 1 FROM desks WHERE id = ?`) : undefined
  const lostDesks = desks.filter((desk) => deskInCopy?.get(desk.id) === undefined).map((desk) => desk.name)
  const keep = accessToKeep(copyDb, running, now)
  return { kept: namesOf(keep), lostAccounts, lostDesks, leavesNoAdmin: leavesNoAdmin(copyDb, keep) }
}

export function keptAnything(kept: RestoreKept): boolean {
  return kept.passwords.length + kept.accounts.length + kept.revokedDesks.length + kept.lockedOut.length > 0
}
