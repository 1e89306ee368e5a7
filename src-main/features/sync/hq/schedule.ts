import type { AppContext } from '../../../app/context'
import { readHqConnection } from './connection'
import { syncWithHq } from './run'

/** How often an enrolled shop syncs while HQ answers. */
export const SYNC_INTERVAL_MS = 3 * 60_000
/** The longest wait between tries while HQ does not answer. */
export const SYNC_MAX_BACKOFF_MS = 30 * 60_000

/** The wait before the next run: the interval, doubled for each failure in a row, up to the cap. */
export function nextSyncDelay(failures: number, intervalMs = SYNC_INTERVAL_MS): number {
  return Math.min(intervalMs * 2 ** Math.min(failures, 10), Math.max(intervalMs, SYNC_MAX_BACKOFF_MS))
}

/**
 * The shop server's sync timer, started by the hosts with the app. It runs in the background of
 * the shop server's process, never inside a counter call; a shop that is not enrolled only looks
 * again at the next tick. Returns the stop function.
 */
export function startSyncSchedule(app: AppContext, intervalMs = SYNC_INTERVAL_MS): () => void {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const schedule = (delay: number) => {
    if (stopped) return
    timer = setTimeout(() => void tick(), delay)
    timer.unref()
  }
  const tick = async () => {
    try {
      await syncWithHq(app)
      const connection = await readHqConnection(app.db)
      schedule(nextSyncDelay(connection?.failures ?? 0, intervalMs))
    } catch (error) {
      console.error('[sync] scheduling the next sync failed', error)
      schedule(intervalMs)
    }
  }
  schedule(Math.min(intervalMs, 10_000))
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
  }
}
