/** Sign-in lock-out: after this many wrong passwords in a row the account is locked for a while. */
export const MAX_FAILED_SIGN_INS = 5
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
