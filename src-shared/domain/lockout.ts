/**
 * Sign-in lock-out: after this many wrong passwords in a row the account is locked for a while.
 * Twice what one source may try before it is throttled (signInThrottle.ts), and a source adds at
 * most that many to an account's count: one guessing desk cannot lock an account, guesses from
 * several can. A sign-in at the shop server itself is not refused by this lock (signInGuard.ts).
 */
export const MAX_FAILED_SIGN_INS = 10
export const LOCKOUT_MINUTES = 15

export interface SignInGuardState {
  failedSignIns: number
  lockedUntil: string | null
}

export function isLockedOut(state: Pick<SignInGuardState, 'lockedUntil'>, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime()
}

/** The state after one more wrong password: the lock starts when the count reaches the limit. */
export function afterFailedSignIn(state: SignInGuardState, now: Date): SignInGuardState {
  // A lock that has run out starts a fresh count rather than re-locking on the next slip.
  const previous = state.lockedUntil !== null && !isLockedOut(state, now) ? 0 : state.failedSignIns
  const failedSignIns = previous + 1
  const lockedUntil =
    failedSignIns >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null
  return { failedSignIns, lockedUntil }
}

export const AFTER_SUCCESSFUL_SIGN_IN: SignInGuardState = { failedSignIns: 0, lockedUntil: null }
