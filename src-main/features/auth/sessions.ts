import { randomBytes } from 'node:crypto'
import type { ErrorKey } from '../../../src-shared/contract'
import { THIS_PC_DESK_ID } from '../../rpc/callSource'
import type { SessionRows } from './sessionRows'

export interface Session {
  token: string
  userId: string
  createdAt: number
  lastActivityAt: number
  locked: boolean
  /** Signed in at the shop server itself: such a session outlasts a lock-out caused from elsewhere. */
  atShopServer: boolean
  /** The desk it was opened at (rpc/callSource.ts `deskIdOf`); dispatch refuses it from any other. */
  deskId: string
}

/** However busy the counter, a sign-in lasts at most one long working day. */
export const SESSION_MAX_AGE_MS = 14 * 60 * 60 * 1000

/** Expired rows are swept from the database at most this often (memory is swept at every look-up). */
const PRUNE_ROWS_EVERY_MS = 60_000

/**
 * A session's activity reaches the database at most this often (and at `flush`, before the app
 * closes): writing it on every call cost each call a commit, and with `synchronous=FULL` an fsync.
 * After a crash a session may look idle up to this much longer than it was, so it locks that much
 * sooner, never later. A lock, or an unlock, is written at once.
 */
export const ACTIVITY_WRITE_GRAIN_MS = 15_000

interface SavedState {
  locked: boolean
  lastActivityAt: number
}

/**
 * Sign-in sessions. Tokens are 256 random bits. With `rows` (the app always passes them) every
 * session is also kept in the database, hashed, so a restart of the shop server keeps the desks
 * signed in (their open forms save after the reconnect); the same idle lock, desk binding and
 * maximum age hold for a session read back from there. Memory is the fast path in front of it.
 */
export class SessionStore {
  private readonly byToken = new Map<string, Session>()
  /** Why sessions ended by `endAll` ended, so each desk is told at its next call. */
  private readonly endedBecause = new Map<string, ErrorKey>()
  private rowsPrunedAt = Number.NEGATIVE_INFINITY
  /** What the database holds of each session, so activity is written only when it is worth it. */
  private readonly saved = new WeakMap<Session, SavedState>()

  constructor(
    private readonly clock: () => Date = () => new Date(),
    private readonly rows?: SessionRows
  ) {}

  create(userId: string, now: Date, atShopServer = false, deskId: string = THIS_PC_DESK_ID): Session {
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      userId,
      createdAt: now.getTime(),
      lastActivityAt: now.getTime(),
      locked: false,
      atShopServer,
      deskId
    }
    this.byToken.set(session.token, session)
    this.rows?.insert(session)
    this.rememberSaved(session)
    return session
  }

  get(token: string | undefined): Session | undefined {
    this.pruneExpired()
    if (!token) return undefined
    const known = this.byToken.get(token)
    if (known || !this.rows) return known
    // Opened before this process started (the shop server restarted): read back from the database.
    const stored = this.rows.find(token)
    if (!stored || stored.createdAt < this.clock().getTime() - SESSION_MAX_AGE_MS) return undefined
    this.byToken.set(token, stored)
    this.rememberSaved(stored)
    return stored
  }

  private pruneExpired(): void {
    const now = this.clock().getTime()
    const oldestAllowed = now - SESSION_MAX_AGE_MS
    for (const [token, session] of this.byToken) {
      if (session.createdAt < oldestAllowed) this.byToken.delete(token)
    }
    if (this.rows && now - this.rowsPrunedAt >= PRUNE_ROWS_EVERY_MS) {
      this.rowsPrunedAt = now
      this.rows.deleteCreatedBefore(oldestAllowed)
    }
  }

  /** Locks the session if it has been idle longer than the shop allows; 0 minutes means never. */
  applyIdleLock(session: Session, now: Date, idleLockMinutes: number): void {
    if (idleLockMinutes > 0 && now.getTime() - session.lastActivityAt > idleLockMinutes * 60_000) {
      if (!session.locked) {
        session.locked = true
        this.save(session)
      }
    }
  }

  /** Locks the screen at the person's own request, saved at once so a restart keeps it locked. */
  lock(session: Session): void {
    session.locked = true
    this.save(session)
  }

  /** Marks activity now (and saves a lock just lifted by `auth.unlock`). */
  touch(session: Session, now: Date): void {
    session.lastActivityAt = now.getTime()
    if (this.isWorthSaving(session, ACTIVITY_WRITE_GRAIN_MS)) this.save(session)
  }

  revoke(token: string): void {
    this.byToken.delete(token)
    this.rows?.delete(token)
  }

  /**
   * Ends every session of a user, e.g. when the account is disabled or its password reset;
   * `keepShopServer` spares those opened at the shop server itself (a lock-out caused elsewhere).
   */
  revokeUser(userId: string, exceptToken?: string, keepShopServer = false): void {
    for (const [token, session] of this.byToken) {
      if (session.userId !== userId || token === exceptToken) continue
      if (keepShopServer && session.atShopServer) continue
      this.byToken.delete(token)
    }
    this.rows?.deleteUser(userId, new Set(exceptToken ? [exceptToken] : []), keepShopServer)
  }

  /** Ends every session at once (a restore put other data under them); each desk learns why. */
  endAll(reason: ErrorKey): void {
    for (const token of this.byToken.keys()) this.endedBecause.set(token, reason)
    this.byToken.clear()
    this.rows?.deleteAll()
  }

  /** Writes every session change still waiting for the database; before the app closes it. */
  flush(): void {
    for (const session of this.byToken.values()) if (this.isWorthSaving(session, 1)) this.save(session)
    this.rows?.flush()
  }

  private save(session: Session): void {
    this.rows?.update(session)
    this.rememberSaved(session)
  }

  private rememberSaved(session: Session): void {
    this.saved.set(session, { locked: session.locked, lastActivityAt: session.lastActivityAt })
  }

  /** Whether the database is behind on the lock, or on the activity by at least `grainMs`. */
  private isWorthSaving(session: Session, grainMs: number): boolean {
    const saved = this.saved.get(session)
    if (!saved) return true
    return saved.locked !== session.locked || session.lastActivityAt - saved.lastActivityAt >= grainMs
  }

  /** The reason a token's session was ended by `endAll`, if it was. */
  endedReason(token: string | undefined): ErrorKey | undefined {
    return token ? this.endedBecause.get(token) : undefined
  }
}
