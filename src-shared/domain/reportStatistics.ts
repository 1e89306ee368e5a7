/**
 * The arithmetic of the manager's reports, kept apart from any query so each figure can be
 * checked by hand: percentiles, turnaround buckets, rates, Pareto shares and period keys.
 */

/**
 * The p-th percentile (0..1) of already sorted values, interpolated between the two nearest
 * ranks the way Excel's PERCENTILE.INC does, so a manager who checks a figure in the exported
 * sheet gets the same number. Null when there is nothing to measure.
 */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  return interpolate(percentileRanks(sorted.length, p), (rank) => sorted[rank]!)
}

/** The two ranks (0-based, ascending order) the p-th percentile of `count` values lies between. */
export interface PercentileRanks {
  below: number
  above: number
  /** How far from the value below to the one above (0..1). */
  weight: number
}

export function percentileRanks(count: number, p: number): PercentileRanks {
  const rank = (count - 1) * p
  const below = Math.floor(rank)
  return { below, above: Math.min(below + 1, count - 1), weight: rank - below }
}

/** The percentile from the values at its two ranks, however they were found. */
export function interpolate(ranks: PercentileRanks, valueAt: (rank: number) => number): number {
  const low = valueAt(ranks.below)
  return low + (valueAt(ranks.above) - low) * ranks.weight
}

export interface Spread {
  count: number
  median: number | null
  p90: number | null
  mean: number | null
}

/** Count, median, 90th percentile and mean of a set of durations (any order). */
export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  let sum = 0
  for (const value of sorted) sum += value
  return {
    count: sorted.length,
    median: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
    mean: sorted.length === 0 ? null : sum / sorted.length
  }
}

/** Upper bounds (hours, exclusive) of the turnaround histogram's bars; the last bar is open-ended. */
export const TURNAROUND_BUCKET_HOURS = [24, 48, 72, 120, 168, 336, 720] as const
export const TURNAROUND_BUCKETS = ['lt1d', 'd1to2', 'd2to3', 'd3to5', 'd5to7', 'd7to14', 'd14to30', 'ge30d'] as const
export type TurnaroundBucket = (typeof TURNAROUND_BUCKETS)[number]

/** The bar a turnaround of so many minutes falls in. */
export function turnaroundBucket(minutes: number): TurnaroundBucket {
  const hours = minutes / 60
  const index = TURNAROUND_BUCKET_HOURS.findIndex((limit) => hours < limit)
  return TURNAROUND_BUCKETS[index === -1 ? TURNAROUND_BUCKETS.length - 1 : index]!
}

/** A share as a fraction 0..1, or null when the base is empty (never a division by zero). */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

/** Jobs back for the same device within this many days of pick-up count against the first fix. */
export const COMEBACK_WINDOW_DAYS = 90

export interface ParetoLine<T> {
  item: T
  count: number
  share: number
  cumulativeShare: number
}

/** Items sorted by count, largest first (ties by key), with each one's share and the running total. */
export function pareto<T>(items: readonly T[], count: (item: T) => number, key: (item: T) => string): ParetoLine<T>[] {
  const total = items.reduce((sum, item) => sum + count(item), 0)
  const sorted = [...items].sort((a, b) => count(b) - count(a) || key(a).localeCompare(key(b)))
  let running = 0
  return sorted.map((item) => {
    running += count(item)
    return {
      item,
      count: count(item),
      share: total === 0 ? 0 : count(item) / total,
      cumulativeShare: total === 0 ? 0 : running / total
    }
  })
}

/** The change from one month to the next as a fraction; null when the earlier month had none. */
export function change(previous: number, current: number): number | null {
  return previous === 0 ? null : (current - previous) / previous
}

export const PERIOD_GRAINS = ['day', 'week', 'month'] as const
export type PeriodGrain = (typeof PERIOD_GRAINS)[number]

/**
 * The period a shop-local calendar day (YYYY-MM-DD) belongs to: the day itself, the Monday that
 * starts its week (ISO weeks, as Chinese calendars count them), or its month (YYYY-MM).
 */
export function periodOf(date: string, grain: PeriodGrain): string {
  if (grain === 'day') return date
  if (grain === 'month') return date.slice(0, 7)
  const day = new Date(`${date}T00:00:00Z`)
  const sinceMonday = (day.getUTCDay() + 6) % 7
  day.setUTCDate(day.getUTCDate() - sinceMonday)
  return day.toISOString().slice(0, 10)
}

/**
 * Every period of a range of calendar days (both included), in order: a chart's axis shows the quiet
 * days too, so a day with no takings reads as zero rather than vanishing from the axis.
 */
export function periodsOfRange(from: string, to: string, grain: PeriodGrain): string[] {
  const periods: string[] = []
  const day = new Date(`${from}T00:00:00Z`)
  for (let date = from; date <= to; date = day.toISOString().slice(0, 10)) {
    const period = periodOf(date, grain)
    if (periods.at(-1) !== period) periods.push(period)
    day.setUTCDate(day.getUTCDate() + 1)
  }
  return periods
}

export const RANGE_PRESETS = ['month', 'lastMonth', 'quarter', 'year'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

/** The calendar days (both included) a preset means on the shop's `today` (YYYY-MM-DD). */
export function presetRange(today: string, preset: RangePreset): { from: string; to: string } {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)
  switch (preset) {
    case 'month':
      return { from: day(year, month, 1), to: day(year, month + 1, 0) }
    case 'lastMonth':
      return { from: day(year, month - 1, 1), to: day(year, month, 0) }
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1
      return { from: day(year, first, 1), to: day(year, first + 3, 0) }
    }
    case 'year':
      return { from: day(year, 1, 1), to: day(year, 12, 31) }
  }
}
