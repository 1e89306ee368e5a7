import type { AppContext } from '../../app/context'
import { dailyBackupDue, isFromTheFuture } from '../../../src-shared/domain/backupRetention'
import { readShopTimeZone } from '../settings/service'
import { readBackupSettings, backupTarget } from './backupSettings'
import { readCopies } from './copyFolder'
import { lastCopyFailedAt, takeBackup } from './service'

/** How often the shop server looks at the clock; the daily copy starts within this of its time. */
export const SCHEDULE_TICK_MS = 60_000
/**
 * After a copy failed, the daily one is tried again this much later, not at the next tick: each
 * try copies the whole database, and a full or dying disk would get one every minute.
 */
export const RETRY_AFTER_FAILURE_MS = 30 * 60_000

/**
 * Takes the daily copy when it is due (see dailyBackupDue). Returns what it took, or nothing.
 * Exposed for the tests, which drive it with a test clock instead of waiting for the timer.
 */
export async function runDueBackup(app: AppContext): Promise<string | undefined> {
  if (!app.files) return undefined
  const failedAt = lastCopyFailedAt(app)
  if (failedAt && app.clock().getTime() - failedAt.getTime() < RETRY_AFTER_FAILURE_MS) return undefined
  const settings = await readBackupSettings(app.db)
  const now = app.clock()
  // A copy dated in the future (the clock once ran ahead) would put the next one off until then.
  const lastDaily = readCopies(backupTarget(app.files, settings).folder).find(
    (copy) => copy.reason === 'daily' && !isFromTheFuture(copy, now)
  )
  const due = dailyBackupDue(now, lastDaily?.takenAt ?? null, settings.dailyTime, await readShopTimeZone(app.db))
  if (!due) return undefined
  return (await takeBackup(app, 'daily')).name
}

/**
 * The shop server's backup timer, started by both hosts with the app. A failed run is logged,
 * shown on the manager's home screen at once, and tried again after RETRY_AFTER_FAILURE_MS.
 */
export function startBackupSchedule(app: AppContext): () => void {
  let running = false
  const tick = () => {
    if (running) return
    running = true
    runDueBackup(app)
      .catch((error: unknown) => console.error('[backups] daily backup failed', error))
      .finally(() => (running = false))
  }
  const timer = setInterval(tick, SCHEDULE_TICK_MS)
  timer.unref()
  tick()
  return () => clearInterval(timer)
}
