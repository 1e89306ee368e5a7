import type { ReportRange } from './scope'

/**
 * The calendar the summary tables are kept in: China's (UTC+8, no summer time), the literal of
 * the reports.reportSummaries migration. A shop whose zone has another offset reads fact rows.
 */
export const SUMMARY_OFFSET_MINUTES = 480

/** A report's range cut into whole months read from the summaries and the days around them read from the facts. */
export interface SummarySpan {
  /** The whole shop months (YYYY-MM, both included) the summaries answer for; null when none. */
  months: { first: string; last: string } | null
  /** The rest of the range, as stored instants, for the fact rows. */
  edges: ReportRange[]
}

export function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`
}

export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`
}

export function lastDayOf(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10)
}

/** Whether the summaries can answer for a range: the shop keeps their calendar and facts were not asked for. */
export const inSummaryCalendar = (range: ReportRange): boolean =>
  range.factsOnly !== true && range.offsetMinutes === SUMMARY_OFFSET_MINUTES

/** The instant a shop month starts, in the summaries' calendar. */
function monthStart(month: string): string {
  return new Date(Date.parse(`${month}-01T00:00:00Z`) - SUMMARY_OFFSET_MINUTES * 60_000).toISOString()
}

/**
 * The whole months of from..to (shop calendar days) and what is left at either end. Without
 * summaries (a job filter, or a shop in another zone) the whole range is left to the facts.
 */
export function summarySpan(query: { from: string; to: string }, range: ReportRange, summaries: boolean): SummarySpan {
  const whole = { edges: [range], months: null }
  if (!summaries || !inSummaryCalendar(range)) return whole
  const first = query.from.endsWith('-01') ? query.from.slice(0, 7) : nextMonth(query.from.slice(0, 7))
  const last = query.to === lastDayOf(query.to.slice(0, 7)) ? query.to.slice(0, 7) : previousMonth(query.to.slice(0, 7))
  if (first > last) return whole
  const edges: ReportRange[] = []
  const firstStart = monthStart(first)
  const afterLast = monthStart(nextMonth(last))
  if (range.start < firstStart) edges.push({ ...range, start: range.start, end: firstStart })
  if (afterLast < range.end) edges.push({ ...range, start: afterLast, end: range.end })
  return { months: { first, last }, edges }
}

/** Rows of the same key added up measure by measure, in the order keys first appear. */
export function sumRows<T extends object>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  measures: readonly (keyof T)[]
): T[] {
  const sums = new Map<string, T>()
  for (const row of rows) {
    const key = keyOf(row)
    const sum = sums.get(key)
    if (!sum) {
      sums.set(key, { ...row })
      continue
    }
    for (const measure of measures) (sum[measure] as number) += row[measure] as number
  }
  return [...sums.values()]
}

/** '' is how the summaries keep "none" (a primary key cannot be null); the reports show null. */
export const orNull = (key: string): string | null => (key === '' ? null : key)

/** Text in SQLite's order (bytes, as GROUP BY sorts it), with none ('' or null) first. */
export function byKey(a: string | null, b: string | null): number {
  const x = a ?? ''
  const y = b ?? ''
  return x < y ? -1 : x > y ? 1 : 0
}
