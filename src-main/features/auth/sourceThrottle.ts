import { AppError } from '../../../src-shared/contract'
import {
  minutesUntil,
  SOURCE_FIRST_WAIT_MS,
  SOURCE_FREE_FAILURES,
  SOURCE_MEMORY_MS,
  sourceWaitMs
} from '../../../src-shared/domain/signInThrottle'

interface SourceState {
  failures: number
  lastFailureAt: number
  /** Tries under way: counted from their start, so tries sent all at once hit the limit too. */
  inFlight: number
}

/** One sign-in try let through by the throttle; `finish` must be called once it is decided. */
export interface ThrottledTry {
  /** False once the source has used its free tries: its further failures do not add to an account's lock-out count. */
  countsTowardAccount: boolean
  failed(now: Date): void
  finish(): void
}

/** Beyond this many remembered sources the quietest are forgotten, so a flood cannot grow memory without bound. */
const MAX_SOURCES = 10_000

/**
 * Wrong sign-ins per source, kept in memory (the app is the shop's one server; a restart
 * forgets, which only ever favours the shop's own staff). A throttled source is refused
 * before any password is checked, so its tries cost nothing.
 */
export class SignInThrottle {
  private readonly sources = new Map<string, SourceState>()

  begin(key: string, now: Date): ThrottledTry {
    const state = this.stateOf(key, now)
    const used = state.failures + state.inFlight
    if (used >= SOURCE_FREE_FAILURES) {
      const waitEnds = state.lastFailureAt + sourceWaitMs(state.failures)
      if (state.inFlight > 0 || state.failures < SOURCE_FREE_FAILURES || now.getTime() < waitEnds) {
        const retryAt = new Date(Math.max(waitEnds, now.getTime() + (state.inFlight > 0 ? SOURCE_FIRST_WAIT_MS : 0)))
        throw new AppError('SIGN_IN_THROTTLED', 'errors.SIGN_IN_THROTTLED', {
          retryAt: retryAt.toISOString(),
          minutes: minutesUntil(retryAt, now)
        })
      }
    }
    state.inFlight += 1
    let finished = false
    return {
      countsTowardAccount: used < SOURCE_FREE_FAILURES,
      failed: (at) => {
        state.failures += 1
        state.lastFailureAt = at.getTime()
      },
      finish: () => {
        if (finished) return
        finished = true
        state.inFlight -= 1
      }
    }
  }

  private stateOf(key: string, now: Date): SourceState {
    const known = this.sources.get(key)
    if (known && (known.inFlight > 0 || now.getTime() - known.lastFailureAt < SOURCE_MEMORY_MS)) return known
    const fresh: SourceState = { failures: 0, lastFailureAt: 0, inFlight: 0 }
    this.sources.delete(key)
    this.forgetQuietestIfFull()
    this.sources.set(key, fresh)
    return fresh
  }

  private forgetQuietestIfFull(): void {
    if (this.sources.size < MAX_SOURCES) return
    for (const [key, state] of this.sources) {
      if (state.inFlight === 0) this.sources.delete(key)
      if (this.sources.size < MAX_SOURCES) return
    }
  }
}
