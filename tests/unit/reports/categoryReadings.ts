import type BetterSqlite3 from 'better-sqlite3'
import { expect } from 'vitest'
import type { Db } from '../../../src-main/db/connection'
import { runReport } from '../../../src-main/features/reports/run'
import { reportQuerySchema } from '../../../src-shared/contract/reports'

/**
 * The turnaround report's jobs by category of one shop day (category null: （未指定）), with the
 * report's other filters; read from the sums, checked against the same read from the fact rows.
 */
export async function turnaroundJobsByCategory(
  db: Db,
  day: string,
  filter: Record<string, string> = {}
): Promise<Record<string, unknown>> {
  const query = reportQuerySchema.parse({ report: 'turnaround', from: day, to: day, grain: 'day', ...filter })
  const rowsOf = async (fromFacts: boolean) => {
    const result = await runReport(db, query, fromFacts)
    const table = result.tables.find((t) => t.key === 'byCategory')!
    return Object.fromEntries(table.rows.map((row) => [row.category, row.jobs]))
  }
  const fromSums = await rowsOf(false)
  expect(fromSums).toEqual(await rowsOf(true))
  return fromSums
}

/** Where a job's category shows in a shop's tables: its fact row, the monthly sums and the sums within a category. */
export function categoryTables(sqlite: BetterSqlite3.Database) {
  return {
    categories: () =>
      sqlite.prepare('SELECT work_order_id, category_key FROM report_jobs ORDER BY work_order_id').all(),
    monthByCategory: () =>
      sqlite.prepare("SELECT key, jobs FROM report_job_months WHERE dim = 'category' AND jobs != 0 ORDER BY key").all(),
    sliceJobs: () =>
      sqlite
        .prepare(
          `SELECT skey, sum(jobs) AS jobs FROM report_job_slices WHERE sdim = 'category' AND dim = 'model'
           GROUP BY skey HAVING sum(jobs) != 0 ORDER BY skey`
        )
        .all()
  }
}
