import type { Db } from '../db/connection'
import { erasePasscodesPastRetention } from '../features/workOrders/passcodeRetention'

export const HOUSEKEEPING_INTERVAL_MS = 24 * 60 * 60 * 1000

/** The shop server's own chores: at start-up and then daily, whoever is signed in. */
export interface Housekeeping {
  /** The start-up run, awaited before the database closes. */
  firstRun: Promise<void>
  stop(): void
}

/** `db` is asked for each run: a restore replaces the database the chores work on. */
export function startHousekeeping(db: () => Db, clock: () => Date): Housekeeping {
  const run = () =>
    erasePasscodesPastRetention(db(), clock()).then(
      () => undefined,
      (error: unknown) => console.error('[housekeeping] erasing passcodes past retention failed', error)
    )
  const firstRun = run()
  const timer = setInterval(() => void run(), HOUSEKEEPING_INTERVAL_MS)
  // A pending chore never keeps the process alive.
  timer.unref()
  return { firstRun, stop: () => clearInterval(timer) }
}
