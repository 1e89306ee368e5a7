import { formatShopDateTime, shopLocalDate } from './timeZone'

export interface RetainedCopy {
  name: string
  takenAt: string
}

export interface RetentionRule {
  /** The newest copies kept whatever their month. */
  keepDaily: number
  /** Months, newest first, whose first copy is kept as that month's copy. */
  keepMonthly: number
  timeZone: string
}

/**
 * Whether a copy says it was taken after `now`: the PC's clock ran ahead when it was taken. Such a
 * copy is no guide to when the last copy was taken, and no rival for a place among those kept.
 */
export function isFromTheFuture(copy: RetainedCopy, now: Date): boolean {
  return new Date(copy.takenAt).getTime() > now.getTime()
}

/**
 * Which copies to delete: everything that is neither one of the newest `keepDaily` copies nor the
 * first copy of one of the newest `keepMonthly` months (months on the shop's calendar). A copy
 * taken before an upgrade or a restore counts like any other, so the folder cannot grow forever.
 * A copy dated after `now` is left alone and takes no copy's place: with `keepDaily: 1` it
 * would otherwise have every new copy deleted in its favour.
 */
export function copiesToDelete<T extends RetainedCopy>(copies: readonly T[], rule: RetentionRule, now: Date): T[] {
  const newestFirst = copies
    .filter((copy) => !isFromTheFuture(copy, now))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
  const kept = new Set(newestFirst.slice(0, rule.keepDaily).map((copy) => copy.name))
  const firstOfMonth = new Map<string, T>()
  for (const copy of newestFirst)
    firstOfMonth.set(shopLocalDate(new Date(copy.takenAt), rule.timeZone).slice(0, 7), copy)
  const monthsNewestFirst = [...firstOfMonth.keys()].sort().reverse()
  for (const month of monthsNewestFirst.slice(0, rule.keepMonthly)) kept.add(firstOfMonth.get(month)!.name)
  return newestFirst.filter((copy) => !kept.has(copy.name))
}

/**
 * Whether the daily copy is due: the shop's wall clock has passed today's backup time and no
 * daily copy was taken since. A server that was off at the time catches up when it next runs.
 */
export function dailyBackupDue(now: Date, lastDailyAt: string | null, dailyTime: string, timeZone: string): boolean {
  const today = shopLocalDate(now, timeZone)
  const slot = `${today} ${dailyTime}`
  if (formatShopDateTime(now.toISOString(), timeZone) < slot) return false
  return lastDailyAt === null || formatShopDateTime(lastDailyAt, timeZone) < slot
}
