import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import { receivedInRange, shopDay, type ReportQuery, type ReportRange } from './scope'
import { byKey, orNull, sumRows, type SummarySpan } from './summarySpan'

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

/** Each dimension's key columns in the fact rows: one for most, brand and model for a model. */
const FACT_COLUMNS: Record<JobDimension, string[]> = {
  all: [],
  model: ['j.brand', 'j.model'],
  cause: ["coalesce(j.fault_cause_code, '')"],
  location: ["coalesce(j.fault_location_code, '')"],
  technician: ["coalesce(j.technician_id, '')"],
  category: ["coalesce(j.category_key, '')"]
}

const MEASURES = ['jobs', 'faults', 'pickedUp', 'comebacks'] as const

/**
 * The jobs received in the span counted by one dimension (and by month when asked): whole months
 * from report_job_months, the days around them from the fact rows, added up. Groups left with no
 * job (a summary row emptied by a correction) are dropped, as the facts would never show them.
 * A caller that has already counted the edge days' fact rows in a pass of its own passes them
 * as edgeCounts, and the facts are not read again.
 */
export async function jobCounts(
  db: Db,
  query: ReportQuery,
  span: SummarySpan,
  dim: JobDimension,
  perMonth = false,
  edgeCounts?: JobCounts[]
): Promise<JobCounts[]> {
  const parts: JobCounts[][] = []
  if (span.months) {
    const month = perMonth ? sql`month` : sql`''`
    parts.push(
      (
        await sql<JobCounts>`
          SELECT ${month} AS month, key, key2, sum(jobs) AS jobs, sum(faults) AS faults, sum(picked_up) AS picked_up,
            sum(comebacks) AS comebacks
          FROM report_job_months WHERE dim = ${dim} AND month >= ${span.months.first} AND month <= ${span.months.last}
          GROUP BY 1, 2, 3`.execute(db)
      ).rows
    )
  }
  if (edgeCounts) parts.push(edgeCounts)
  else for (const edge of span.edges) parts.push(await factCounts(db, query, edge, dim, perMonth))
  return sumRows(parts.flat(), (row) => `${row.month}\u0000${row.key}\u0000${row.key2}`, MEASURES)
    .filter((row) => row.jobs > 0)
    .map((row) => ({ ...row, key: orNull(row.key ?? '') }))
    .sort((a, b) => byKey(a.month, b.month) || byKey(a.key, b.key) || byKey(a.key2, b.key2))
}

async function factCounts(
  db: Db,
  query: ReportQuery,
  range: ReportRange,
  dim: JobDimension,
  perMonth: boolean
): Promise<JobCounts[]> {
  const [key = "''", key2 = "''"] = FACT_COLUMNS[dim]
  const month = perMonth ? sql`substr(${shopDay(sql.ref('j.received_at'), range)}, 1, 7)` : sql`''`
  const { rows } = await sql<JobCounts>`
    SELECT ${month} AS month, ${sql.raw(key)} AS key, ${sql.raw(key2)} AS key2, count(*) AS jobs, count(j.fault_cause_code) AS faults,
      sum(j.picked_up_at IS NOT NULL) AS picked_up, sum(j.picked_up_at IS NOT NULL AND j.came_back = 1) AS comebacks
    FROM report_jobs j WHERE ${receivedInRange(query, range)} GROUP BY 1, 2, 3`.execute(db)
  return rows
}

/**
 * jobCounts for several dimensions at once (not by month), the edge days' fact rows read in one
 * pass grouped by every dimension's columns and added up for each dimension here: a report
 * filtered by a technician or category reads its range once rather than once per dimension.
 */
export async function jobCountsByDimensions(
  db: Db,
  query: ReportQuery,
  span: SummarySpan,
  dims: readonly JobDimension[]
): Promise<Map<JobDimension, JobCounts[]>> {
  const columns = [...new Set(dims.flatMap((dim) => FACT_COLUMNS[dim]))]
  const groups: (Record<string, string> & Omit<JobCounts, 'month' | 'key' | 'key2'>)[] = []
  for (const edge of span.edges) {
    const keys = columns.map((column, i) => sql`${sql.raw(column)} AS ${sql.raw(`k${i}`)}`)
    const { rows } = await sql<Record<string, string> & Omit<JobCounts, 'month' | 'key' | 'key2'>>`
      SELECT ${sql.join([...keys, sql`count(*) AS jobs`])}, count(j.fault_cause_code) AS faults,
        sum(j.picked_up_at IS NOT NULL) AS picked_up, sum(j.picked_up_at IS NOT NULL AND j.came_back = 1) AS comebacks
      FROM report_jobs j WHERE ${receivedInRange(query, edge)}
      ${columns.length > 0 ? sql`GROUP BY ${sql.raw(columns.map((_, i) => String(i + 1)).join(', '))}` : sql``}`.execute(
      db
    )
    groups.push(...rows.filter((row) => row.jobs > 0))
  }
  const counts = new Map<JobDimension, JobCounts[]>()
  for (const dim of dims) {
    const [key, key2] = FACT_COLUMNS[dim].map((column) => `k${columns.indexOf(column)}`)
    const edgeCounts = groups.map((row) => ({
      month: '',
      key: key === undefined ? '' : row[key]!,
      key2: key2 === undefined ? '' : row[key2]!,
      jobs: row.jobs,
      faults: row.faults,
      pickedUp: row.pickedUp,
      comebacks: row.comebacks
    }))
    counts.set(dim, await jobCounts(db, query, span, dim, false, edgeCounts))
  }
  return counts
}
