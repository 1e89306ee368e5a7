import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/connection'
import { receivedInRange, shopDay, type ReportQuery, type ReportRange } from './scope'
import { byKey, orNull, sumRows, type SummarySpan } from './summarySpan'
import { sliceOf, type ReportSlice } from './reportSlice'

/** What the jobs received in a range are counted by (report_job_months.dim). */
export type JobDimension = 'all' | 'model' | 'cause' | 'location' | 'technician' | 'category'

export interface JobCounts {
  /** The month (YYYY-MM) when counted month by month, else ''. */
  month: string
  /** The dimension's value (brand for a model), null for none. */
  key: string | null
  /** The model, for the model dimension; else ''. */
  key2: string
  jobs: number
  faults: number
  pickedUp: number
  comebacks: number
}

const FACT_KEYS: Record<JobDimension, [RawBuilder<unknown>, RawBuilder<unknown>]> = {
  all: [sql`''`, sql`''`],
  model: [sql`j.brand`, sql`j.model`],
  cause: [sql`coalesce(j.fault_cause_code, '')`, sql`''`],
  location: [sql`coalesce(j.fault_location_code, '')`, sql`''`],
  technician: [sql`coalesce(j.technician_id, '')`, sql`''`],
  category: [sql`coalesce(j.category_key, '')`, sql`''`]
}

const MEASURES = ['jobs', 'faults', 'pickedUp', 'comebacks'] as const

/**
 * The jobs received in the span counted by one dimension (and by month when asked): whole months
 * from report_job_months, the days around them from the fact rows, added up. Groups left with no
 * job (a summary row emptied by a correction) are dropped, as the facts would never show them.
 */
export async function jobCounts(
  db: Db,
  query: ReportQuery,
  span: SummarySpan,
  dim: JobDimension,
  perMonth = false
): Promise<JobCounts[]> {
  const parts: JobCounts[][] = []
  if (span.months) {
    const month = perMonth ? sql`month` : sql`''`
    parts.push(
      (
        await sql<JobCounts>`
          SELECT ${month} AS month, key, key2, sum(jobs) AS jobs, sum(faults) AS faults, sum(picked_up) AS picked_up,
            sum(comebacks) AS comebacks
          FROM ${jobSums(sliceOf(query), dim)} AND month >= ${span.months.first} AND month <= ${span.months.last}
          GROUP BY 1, 2, 3`.execute(db)
      ).rows
    )
  }
  for (const edge of span.edges) parts.push(await factCounts(db, query, edge, dim, perMonth))
  return sumRows(parts.flat(), (row) => `${row.month}\u0000${row.key}\u0000${row.key2}`, MEASURES)
    .filter((row) => row.jobs > 0)
    .map((row) => ({ ...row, key: orNull(row.key ?? '') }))
    .sort((a, b) => byKey(a.month, b.month) || byKey(a.key, b.key) || byKey(a.key2, b.key2))
}

/**
 * Where a dimension's monthly counts are kept, as a FROM and WHERE with the key and key2 columns.
 * Within a slice, its total and its own dimension are the slice's row of report_job_months (one
 * technician's jobs are that technician's row), the rest are in report_job_slices.
 */
function jobSums(slice: ReportSlice | null, dim: JobDimension): RawBuilder<unknown> {
  if (slice === null)
    return sql`(SELECT month, key, key2, jobs, faults, picked_up, comebacks FROM report_job_months WHERE dim = ${dim})
    WHERE true`
  if (dim === 'all' || dim === slice.dim) {
    const key = dim === 'all' ? sql`''` : sql`key`
    return sql`(SELECT month, ${key} AS key, key2, jobs, faults, picked_up, comebacks FROM report_job_months
      WHERE dim = ${slice.dim} AND key = ${slice.key}) WHERE true`
  }
  return sql`(SELECT month, key, key2, jobs, faults, picked_up, comebacks FROM report_job_slices
    WHERE sdim = ${slice.dim} AND skey = ${slice.key} AND dim = ${dim}) WHERE true`
}

async function factCounts(
  db: Db,
  query: ReportQuery,
  range: ReportRange,
  dim: JobDimension,
  perMonth: boolean
): Promise<JobCounts[]> {
  const [key, key2] = FACT_KEYS[dim]
  const month = perMonth ? sql`substr(${shopDay(sql.ref('j.received_at'), range)}, 1, 7)` : sql`''`
  const { rows } = await sql<JobCounts>`
    SELECT ${month} AS month, ${key} AS key, ${key2} AS key2, count(*) AS jobs, count(j.fault_cause_code) AS faults,
      sum(j.picked_up_at IS NOT NULL) AS picked_up, sum(j.picked_up_at IS NOT NULL AND j.came_back = 1) AS comebacks
    FROM report_jobs j WHERE ${receivedInRange(query, range)} GROUP BY 1, 2, 3`.execute(db)
  return rows
}
