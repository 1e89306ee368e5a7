import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportResult } from '../../../src-shared/contract/reports'
import { change, pareto, rate } from '../../../src-shared/domain/reportStatistics'
import { jobFilters, rangeOf, receivedInRange, shopDay, type ReportQuery, type ReportRange } from './scope'
import { codeLabels } from './names'

/** The first day of the month before `month` (YYYY-MM). */
function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`
}

function lastDayOf(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10)
}

/**
 * Fault statistics (FRACAS) of the jobs received in the range that were diagnosed with a fault
 * code: counts and rates (faults per job received) by brand and model, by component (fault
 * location) and by fault code, month by month, the Pareto of fault codes, and the change from
 * the month before the range's last month to that month.
 */
export async function faultsReport(
  db: Db,
  query: ReportQuery,
  range: ReportRange,
  timeZone: string
): Promise<ReportResult> {
  const scope = receivedInRange(query, range)
  const month = sql`substr(${shopDay(sql.ref('j.received_at'), range)}, 1, 7)`

  const [byModel, byCode, byComponent, byMonth] = await Promise.all([
    sql<{ brand: string; model: string; jobs: number; faults: number }>`
      SELECT j.brand AS brand, j.model AS model, count(*) AS jobs, count(j.fault_cause_code) AS faults
      FROM report_jobs j WHERE ${scope} GROUP BY j.brand, j.model ORDER BY faults DESC, jobs DESC`.execute(db),
    sql<{ code: string; faults: number }>`
      SELECT j.fault_cause_code AS code, count(*) AS faults
      FROM report_jobs j WHERE ${scope} AND j.fault_cause_code IS NOT NULL GROUP BY j.fault_cause_code`.execute(db),
    sql<{ code: string; faults: number }>`
      SELECT j.fault_location_code AS code, count(*) AS faults
      FROM report_jobs j WHERE ${scope} AND j.fault_location_code IS NOT NULL GROUP BY j.fault_location_code`.execute(
      db
    ),
    sql<{ month: string; jobs: number; faults: number }>`
      SELECT ${month} AS month, count(*) AS jobs, count(j.fault_cause_code) AS faults
      FROM report_jobs j WHERE ${scope} GROUP BY 1 ORDER BY 1`.execute(db)
  ])

  // Month on month: the range's last month against the one before it (which may lie before the range).
  const lastMonth = query.to.slice(0, 7)
  const earlierMonth = previousMonth(lastMonth)
  const twoMonths = rangeOf({ from: `${earlierMonth}-01`, to: lastDayOf(lastMonth) }, timeZone)
  const monthly = await sql<{ code: string; month: string; faults: number }>`
    SELECT j.fault_cause_code AS code, substr(${shopDay(sql.ref('j.received_at'), twoMonths)}, 1, 7) AS month,
      count(*) AS faults
    FROM report_jobs j
    WHERE j.received_at >= ${twoMonths.start} AND j.received_at < ${twoMonths.end} AND ${jobFilters(query)}
      AND j.fault_cause_code IS NOT NULL
    GROUP BY 1, 2`.execute(db)

  const faultLabels = await codeLabels(db, 'fault_cause')
  const componentLabels = await codeLabels(db, 'fault_location')
  const jobs = byMonth.rows.reduce((sum, row) => sum + row.jobs, 0)
  const faults = byMonth.rows.reduce((sum, row) => sum + row.faults, 0)
  const paretoLines = pareto(
    byCode.rows,
    (row) => row.faults,
    (row) => row.code
  )
  const componentLines = pareto(
    byComponent.rows,
    (row) => row.faults,
    (row) => row.code
  )
  const counts = new Map<string, { previous: number; current: number }>()
  for (const row of monthly.rows) {
    const entry = counts.get(row.code) ?? { previous: 0, current: 0 }
    if (row.month === lastMonth) entry.current += row.faults
    else entry.previous += row.faults
    counts.set(row.code, entry)
  }

  return {
    report: 'faults',
    from: query.from,
    to: query.to,
    figures: [
      { key: 'jobs', kind: 'count', value: jobs },
      { key: 'faults', kind: 'count', value: faults },
      { key: 'faultRate', kind: 'percent', value: rate(faults, jobs) },
      { key: 'faultCodes', kind: 'count', value: byCode.rows.length }
    ],
    tables: [
      {
        key: 'pareto',
        columns: [
          { key: 'faultCode', kind: 'text' },
          { key: 'faults', kind: 'count' },
          { key: 'share', kind: 'percent' },
          { key: 'cumulativeShare', kind: 'percent' },
          { key: 'faultRate', kind: 'percent' }
        ],
        rows: paretoLines.map((line) => ({
          faultCode: faultLabels.get(line.item.code) ?? line.item.code,
          code: line.item.code,
          faults: line.count,
          share: line.share,
          cumulativeShare: line.cumulativeShare,
          faultRate: rate(line.count, jobs)
        }))
      },
      {
        key: 'monthOnMonth',
        columns: [
          { key: 'faultCode', kind: 'text' },
          { key: 'previousMonth', kind: 'count' },
          { key: 'lastMonth', kind: 'count' },
          { key: 'change', kind: 'percent' }
        ],
        rows: [...counts]
          .sort((a, b) => b[1].current - a[1].current || a[0].localeCompare(b[0]))
          .map(([code, entry]) => ({
            faultCode: faultLabels.get(code) ?? code,
            previousMonth: entry.previous,
            lastMonth: entry.current,
            change: change(entry.previous, entry.current)
          }))
      },
      {
        key: 'byModel',
        columns: [
          { key: 'brand', kind: 'text' },
          { key: 'model', kind: 'text' },
          { key: 'jobs', kind: 'count' },
          { key: 'faults', kind: 'count' },
          { key: 'faultRate', kind: 'percent' }
        ],
        rows: byModel.rows.map((row) => ({ ...row, faultRate: rate(row.faults, row.jobs) }))
      },
      {
        key: 'byComponent',
        columns: [
          { key: 'component', kind: 'text' },
          { key: 'faults', kind: 'count' },
          { key: 'share', kind: 'percent' }
        ],
        rows: componentLines.map((line) => ({
          component: componentLabels.get(line.item.code) ?? line.item.code,
          faults: line.count,
          share: line.share
        }))
      },
      {
        key: 'byMonth',
        columns: [
          { key: 'month', kind: 'text' },
          { key: 'jobs', kind: 'count' },
          { key: 'faults', kind: 'count' },
          { key: 'faultRate', kind: 'percent' }
        ],
        rows: byMonth.rows.map((row) => ({ ...row, faultRate: rate(row.faults, row.jobs) }))
      }
    ],
    chart: { kind: 'pareto', table: 'pareto', category: 'faultCode', series: ['faults'], line: 'cumulativeShare' }
  }
}
