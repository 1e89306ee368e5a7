import type { AppContext } from '../../src-main/app/context'
import type { Session } from '../../src-main/features/auth/sessions'
import type { Input, OperationName, Output } from '../../src-shared/contract'
import type { Random } from './random'
import { must, type DemoUser } from './shop'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
/** Asia/Shanghai has no daylight saving: Beijing time is always UTC+8. */
const BEIJING = 8 * HOUR
const OPENS = 9
const CLOSES = 20

/** The shop's calendar date (YYYY-MM-DD) of an instant. */
export function shopDate(ms: number): string {
  return new Date(ms + BEIJING).toISOString().slice(0, 10)
}

/** The start (midnight, Beijing time) of the shop's day that contains the instant. */
export function startOfShopDay(ms: number): number {
  return Math.floor((ms + BEIJING) / DAY) * DAY - BEIJING
}

/** The shop is open 09:00–20:00: a moment outside those hours moves to soon after the next opening. */
export function duringOpeningHours(ms: number, random: Random): number {
  // Drawn either way, so the random sequence does not depend on the hour the demo is run at.
  const lateBy = random.int(0, 45) * MINUTE
  const dayStart = startOfShopDay(ms)
  const hour = (ms - dayStart) / HOUR
  if (hour >= OPENS && hour < CLOSES) return ms
  return (hour < OPENS ? dayStart : dayStart + DAY) + OPENS * HOUR + lateBy
}

/** A clock the demo moves through the past; unset, it is the real clock. */
export class SimulatedClock {
  private simulated: number | null = null

  readonly now = (): Date => (this.simulated === null ? new Date() : new Date(this.simulated))

  set(ms: number | null): void {
    this.simulated = ms
  }
}

/**
 * The staff at work. Every call goes through the real contract (session, permission,
 * validation, handler), made by the named user at the app clock's moment. Sign-ins are
 * simulated with a fresh session per shift or after the idle lock would have struck, since
 * checking the password each time would cost a deliberately slow hash.
 */
export class Counter {
  private readonly sessions = new Map<string, Session>()

  constructor(
    private readonly app: AppContext,
    private readonly users: Map<string, DemoUser>
  ) {}

  async call<K extends OperationName>(username: string, operation: K, input: Input<K>): Promise<Output<K>> {
    return must(this.app, operation, input, this.tokenOf(username))
  }

  private tokenOf(username: string): string {
    const user = this.users.get(username)
    if (!user) throw new Error(`no demo user ${username}`)
    const now = this.app.clock().getTime()
    let session = this.sessions.get(username)
    // A session used later than now (the clock set back to date a step in the past) is not valid yet.
    const stale = (at: number) => now < at || now - at > 9 * MINUTE
    if (!session || stale(session.lastActivityAt) || now - session.createdAt > 12 * HOUR) {
      if (session) this.app.sessions.revoke(session.token)
      session = this.app.sessions.create(user.id, new Date(now))
      this.sessions.set(username, session)
    }
    return session.token
  }
}
