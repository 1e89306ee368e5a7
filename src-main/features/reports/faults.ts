import type { Db } from '../../db/connection'
import type { ReportResult } from '../../../src-shared/contract/reports'
import { change, pareto, rate } from '../../../src-shared/domain/reportStatistics'
import { rangeOf, type ReportQuery, type ReportRange } from './scope'
import { jobCounts, type JobDimension } from './jobDimensions'
import { summarySpan } from './summarySpan'
import { monthOnMonthDays, type CalendarDays } from './monthOnMonth'
import { summariesAnswer } from './reportSlice'

/**
 * Fault statistics (FRACAS) of the jobs received in the range that were diagnosed with a fault
 * code: counts and rates (faults per job received) by brand and model, by component (fault
 * location) and by fault code, month by month, the Pareto of fault codes, and the change from
 * the month before the range's last month to that month, over the same days of both
 * (monthOnMonth.ts).
 */
export async function faultsReport(
  db: Db,
  query: ReportQuery,
  range: ReportRange,
  timeZone: string,
  today: string
): Promise<ReportResult> {
  const span = summarySpan(query, range, summariesAnswer(query))
  const byModel = (await jobCounts(db, query, span, 'model')).sort((a, b) => b.faults - a.faults || b.jobs - a.jobs)
  const coded = async (dim: JobDimension) =>
    (await jobCounts(db, query, span, dim)).flatMap((row) =>
      row.key === null ? [] : [{ code: row.key, faults: row.jobs }]
    )
  const byCode = await coded('cause')
  const byComponent = await coded('location')
  const byMonth = await jobCounts(db, query, span, 'all', true)

  // Month on month: the range's last month so far against the same days of the month before.
  const compared = monthOnMonthDays(query.to, today)
  const faultsIn = async (days: CalendarDays) => {
    const daysRange = { ...rangeOf(days, timeZone), factsOnly: range.factsOnly }
    return jobCounts(db, query, summarySpan(days, daysRange, summariesAnswer(query)), 'cause')
  }
  const current = await faultsIn(compared.current)
  const previous = await faultsIn(compared.previous)

  const jobs = byMonth.reduce((sum, row) => sum + row.jobs, 0)
  const faults = byMonth.reduce((sum, row) => sum + row.faults, 0)
  const paretoLines = pareto(
    byCode,
    (row) => row.faults,
    (row) => row.code
  )
  const componentLines = pareto(
    byComponent,
    (row) => row.faults,
    (row) => row.code
  )
  const counts = new Map<string, { previous: number; current: number }>()
  for (const [rows, side] of [
    [previous, 'previous'],
    [current, 'current']
  ] as const) {
    for (const row of rows) {
      if (row.key === null) continue
      const entry = counts.get(row.key) ?? { previous: 0, current: 0 }
      entry[side] += row.jobs
      counts.set(row.key, entry)
    }
  }

  return {
    report: 'faults',
    from: query.from,
    to: query.to,
    figures: [
      { key: 'jobs', kind: 'count', value: jobs },
      { key: 'faults', kind: 'count', value: faults },
      { key: 'faultRate', kind: 'percent', value: rate(faults, jobs) },
      { key: 'faultCodes', kind: 'count', value: byCode.length },
      // Which days the month-on-month table compares, so a month under way is read as such.
      { key: 'comparedDays', kind: 'text', value: daysText(compared.current) },
      { key: 'previousDays', kind: 'text', value: daysText(compared.previous) }
    ],
    tables: [
      {
        key: 'pareto',
        columns: [
          { key: 'faultCode', kind: 'code', codeList: 'fault_cause' },
          { key: 'faults', kind: 'count' },
          { key: 'share', kind: 'percent' },
          { key: 'cumulativeShare', kind: 'percent' },
          { key: 'faultRate', kind: 'percent' }
        ],
        rows: paretoLines.map((line) => ({
          faultCode: line.item.code,
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
          { key: 'faultCode', kind: 'code', codeList: 'fault_cause' },
          { key: 'previousMonth', kind: 'count' },
          { key: 'lastMonth', kind: 'count' },
          { key: 'change', kind: 'percent' }
        ],
        rows: [...counts]
          .sort((a, b) => b[1].current - a[1].current || a[0].localeCompare(b[0]))
          .map(([code, entry]) => ({
            faultCode: code,
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
        rows: byModel.map((row) => ({
          brand: row.key,
          model: row.key2,
          jobs: row.jobs,
          faults: row.faults,
          faultRate: rate(row.faults, row.jobs)
        }))
      },
      {
        key: 'byComponent',
        columns: [
          { key: 'component', kind: 'code', codeList: 'fault_location' },
          { key: 'faults', kind: 'count' },
          { key: 'share', kind: 'percent' }
        ],
        rows: componentLines.map((line) => ({
          component: line.item.code,
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
        rows: byMonth.map((row) => ({
          month: row.month,
          jobs: row.jobs,
          faults: row.faults,
          faultRate: rate(row.faults, row.jobs)
        }))
      }
    ],
    chart: { kind: 'pareto', table: 'pareto', category: 'faultCode', series: ['faults'], line: 'cumulativeShare' }
  }
}

/**
 * Days as the report shows them, month and day (12-01～12-07, one day alone as 12-01): short
 * enough to stand among the headline figures; the year is the range's, shown above them.
 */
function daysText(days: CalendarDays): string {
  return days.from === days.to ? days.from.slice(5) : `${days.from.slice(5)}～${days.to.slice(5)}`
}
