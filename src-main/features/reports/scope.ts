import { sql, type RawBuilder } from 'kysely'
import type { ParsedInput } from '../../../src-shared/contract'
import { nextCalendarDay, shopDayStart } from '../../../src-shared/domain/timeZone'

export type ReportQuery = ParsedInput<'reports.run'>

/** A report's date range as stored instants: [start, end) in UTC, from shop calendar days. */
export interface ReportRange {
  start: string
  end: string
  /** The shop's offset from UTC at the range's start, for grouping instants by shop day in SQL. */
  offsetMinutes: number
  /** Every figure from the fact rows, none from the summaries (the test that compares the two). */
  factsOnly?: boolean
}

export function rangeOf(query: { from: string; to: string }, timeZone: string): ReportRange {
  const start = shopDayStart(query.from, timeZone)
  const end = shopDayStart(nextCalendarDay(query.to), timeZone)
  const offsetMinutes = Math.round((new Date(`${query.from}T00:00:00Z`).getTime() - new Date(start).getTime()) / 60_000)
  return { start, end, offsetMinutes }
}

/**
 * The shop-local calendar day of a stored instant column, in SQL. The offset is the zone's at
 * the range's start: exact for the shop's own zone (China keeps no summer time); a zone that
 * changes its clocks inside the range may put an hour around midnight on the neighbouring day.
 */
export function shopDay(column: RawBuilder<unknown>, range: ReportRange): RawBuilder<string> {
  return sql<string>`strftime('%Y-%m-%d', ${column}, ${`${range.offsetMinutes >= 0 ? '+' : ''}${range.offsetMinutes} minutes`})`
}

/** The job filters of a report, as a condition on `report_jobs` under the alias `j`. */
export function jobFilters(query: ReportQuery): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`1 = 1`]
  if (query.categoryKey !== null) conditions.push(sql`j.category_key = ${query.categoryKey}`)
  if (query.brand !== null) conditions.push(sql`j.brand = ${query.brand}`)
  if (query.model !== null) conditions.push(sql`j.model = ${query.model}`)
  if (query.technicianId !== null) conditions.push(sql`j.technician_id = ${query.technicianId}`)
  if (query.serviceType !== null) conditions.push(sql`j.service_type = ${query.serviceType}`)
  return sql.join(conditions, sql` AND `)
}

/** Whether any job filter is set (takings and parts then count only the filtered jobs' money). */
export function hasJobFilters(query: ReportQuery): boolean {
  return [query.categoryKey, query.brand, query.model, query.technicianId, query.serviceType].some((v) => v !== null)
}

/**
 * `INDEXED BY` the given range index (payments, parts or claims by their time, jobs by when they
 * were ready), unless a brand or model is filtered: then report_jobs_model finds the few jobs
 * and their rows are looked up by job (a model's five years are a few thousand of a million
 * jobs), and the planner is left to choose. A technician or category keeps the range index.
 */
export function rangeIndexUnlessModel(query: ReportQuery, index: string): RawBuilder<unknown> {
  return query.brand !== null || query.model !== null ? sql`` : sql.raw(`INDEXED BY ${index}`)
}

/** Jobs received in the range and passing the filters. */
export function receivedInRange(query: ReportQuery, range: ReportRange): RawBuilder<unknown> {
  return sql`j.received_at >= ${range.start} AND j.received_at < ${range.end} AND ${jobFilters(query)}`
}

/** Minutes to hours, one decimal: the unit the reports show turnaround in. */
export function hours(minutes: number | null): number | null {
  return minutes === null ? null : Math.round(minutes / 6) / 10
}
