import { randomBytes } from 'node:crypto'
import type { ErrorKey } from '../../../src-shared/contract'
import { THIS_PC_DESK_ID } from '../../rpc/callSource'

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

/**
 * Sign-in sessions, kept in memory: a restart of the app signs everyone out, which is what a
 * shared counter PC should do. Tokens are 256 random bits.
 */
export class SessionStore {
  private readonly byToken = new Map<string, Session>()
  /** Why sessions ended by `endAll` ended, so each desk is told at its next call. */
  private readonly endedBecause = new Map<string, ErrorKey>()

  constructor(private readonly clock: () => Date = () => new Date()) {}

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
    return session
  }

  get(token: string | undefined): Session | undefined {
    this.pruneExpired()
    return token ? this.byToken.get(token) : undefined
  }

  private pruneExpired(): void {
    const oldestAllowed = this.clock().getTime() - SESSION_MAX_AGE_MS
    for (const [token, session] of this.byToken) {
      if (session.createdAt < oldestAllowed) this.byToken.delete(token)
    }
  }

  /** Locks the session if it has been idle longer than the shop allows; 0 minutes means never. */
  applyIdleLock(session: Session, now: Date, idleLockMinutes: number): void {
    if (idleLockMinutes > 0 && now.getTime() - session.lastActivityAt > idleLockMinutes * 60_000) {
      session.locked = true
    }
  }

  touch(session: Session, now: Date): void {
    session.lastActivityAt = now.getTime()
  }

  revoke(token: string): void {
    this.byToken.delete(token)
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
  }

  /** Ends every session at once (a restore put other data under them); each desk learns why. */
  endAll(reason: ErrorKey): void {
    for (const token of this.byToken.keys()) this.endedBecause.set(token, reason)
    this.byToken.clear()
  }

  /** The reason a token's session was ended by `endAll`, if it was. */
  endedReason(token: string | undefined): ErrorKey | undefined {
    return token ? this.endedBecause.get(token) : undefined
  }
}
