import type BetterSqlite3 from 'better-sqlite3'
import { AppError } from '../../../src-shared/contract'
import type { RestoreKept } from '../../../src-shared/contract/backups'

/**
 * Who may get in, as the running database has it: read just before a restore, put onto the
 * restored copy in the same swap. A restore puts back the shop's records, not the access the
 * owner has taken away since: a copy from last week would otherwise let a desk revoked yesterday
 * (a stolen PC) call again, a member of staff deactivated since sign in, and a password changed
 * since (because someone learnt it) work again.
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
              password_changed_at AS passwordChangedAt, updated_at AS updatedAt
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

/**
 * Puts onto the restored (and migrated) database, in one transaction, what the running one
 * decided after the copy:
 * - a password changed after the copy's one stays the password;
 * - an account changed after the copy's version of it keeps its role and whether it is active
 *   (a deactivation or a demotion since the copy stands; so does a re-activation since);
 * - a desk revoked stays revoked (a revocation is never taken back; a desk pairs anew).
 * Accounts and desks the copy does not hold are not made. Refuses when the result would leave
 * no active administrator, as the users screen does. Returns what it kept, by name.
 */
export function keepRunningAccess(restored: BetterSqlite3.Database, running: RunningAccess): RestoreKept {
  const kept: RestoreKept = { passwords: [], accounts: [], revokedDesks: [] }
  const inCopy = restored.prepare(
    `SELECT role, disabled, password_changed_at AS passwordChangedAt, updated_at AS updatedAt FROM users WHERE id = ?`
  )
  const keepPassword = restored.prepare(
    `UPDATE users SET password_hash = ?, password_changed_at = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?`
  )
  const keepAccount = restored.prepare(`UPDATE users SET role = ?, disabled = ?, updated_at = ? WHERE id = ?`)
  const deskInCopy = restored.prepare(`SELECT revoked_at AS revokedAt FROM desks WHERE id = ?`)
  // Whoever revoked the desk may be an account the copy does not hold.
  const keepRevocation = restored.prepare(
    `UPDATE desks SET revoked_at = ?, revoked_by = (SELECT id FROM users WHERE id = ?) WHERE id = ?`
  )
  restored.transaction(() => {
    for (const user of running.users) {
      const copy = inCopy.get(user.id) as Omit<AccountAccess, 'id' | 'displayName' | 'passwordHash'> | undefined
      if (!copy) continue
      if (user.passwordChangedAt > copy.passwordChangedAt) {
        keepPassword.run(user.passwordHash, user.passwordChangedAt, user.id)
        kept.passwords.push(user.displayName)
      }
      if (user.updatedAt > copy.updatedAt && (user.role !== copy.role || user.disabled !== copy.disabled)) {
        keepAccount.run(user.role, user.disabled, user.updatedAt, user.id)
        kept.accounts.push(user.displayName)
      }
    }
    for (const desk of running.revokedDesks) {
      const copy = deskInCopy.get(desk.id) as { revokedAt: string | null } | undefined
      if (!copy || copy.revokedAt !== null) continue
      keepRevocation.run(desk.revokedAt, desk.revokedBy, desk.id)
      kept.revokedDesks.push(desk.name)
    }
    const admins = restored.prepare(`SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0`).get() as {
      n: number
    }
    if (admins.n === 0) throw new AppError('CONFLICT', 'backups.restoreLeavesNoAdmin')
  })()
  return kept
}

export function keptAnything(kept: RestoreKept): boolean {
  return kept.passwords.length + kept.accounts.length + kept.revokedDesks.length > 0
}
