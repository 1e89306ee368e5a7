import type { Db } from '../../db/connection'
import type { ReportColumn, ReportResult } from '../../../src-shared/contract/reports'
import { TURNAROUND_BUCKETS } from '../../../src-shared/domain/reportStatistics'
import { hours, type ReportQuery, type ReportRange } from './scope'
import { userNames } from './names'
import { jobCounts } from './jobDimensions'
import { summarySpan } from './summarySpan'
import { summariesAnswer } from './reportSlice'
import { TurnaroundDurations, type DurationDim } from './turnaroundDurations'

const SPREAD_COLUMNS: ReportColumn[] = [
  { key: 'jobs', kind: 'count' },
  { key: 'readyMedian', kind: 'hours' },
  { key: 'readyP90', kind: 'hours' },
  { key: 'pickupMedian', kind: 'hours' },
  { key: 'pickupP90', kind: 'hours' }
]

async function spreadRow(durations: TurnaroundDurations, dim: DurationDim, key: string | null, jobs: number) {
  const ready = await durations.percentiles(dim, key ?? '', 'ready')
  const pickedUp = await durations.percentiles(dim, key ?? '', 'pickup')
  return {
    jobs,
    readyMedian: hours(ready.median),
    readyP90: hours(ready.p90),
    pickupMedian: hours(pickedUp.median),
    pickupP90: hours(pickedUp.p90)
  }
}

/**
 * Turnaround of the jobs received in the range: received -> ready and received -> picked up,
 * median and 90th percentile (hours), by device category and by technician, and how the
 * durations spread over the histogram's bars. Jobs not ready yet count as jobs, not as durations.
 */
export async function turnaroundReport(db: Db, query: ReportQuery, range: ReportRange): Promise<ReportResult> {
  const span = summarySpan(query, range, summariesAnswer(query))
  const durations = await TurnaroundDurations.of(db, query, span)
  const byCategory = (await jobCounts(db, query, span, 'category')).sort((a, b) => b.jobs - a.jobs)
  const byTechnician = (await jobCounts(db, query, span, 'technician')).sort((a, b) => b.jobs - a.jobs)
  const jobs = byCategory.reduce((sum, row) => sum + row.jobs, 0)
  const names = await userNames(
    db,
    byTechnician.map((row) => row.key)
  )
  const overall = await spreadRow(durations, 'all', null, jobs)
  const ready = durations.distribution('ready')
  const pickedUp = durations.distribution('pickup')
  const categoryRows = []
  for (const row of byCategory) {
    categoryRows.push({ category: row.key, ...(await spreadRow(durations, 'category', row.key, row.jobs)) })
  }
  const technicianRows = []
  for (const row of byTechnician) {
    technicianRows.push({
      technician: row.key === null ? null : (names.get(row.key) ?? row.key),
      ...(await spreadRow(durations, 'technician', row.key, row.jobs))
    })
  }

  return {
    report: 'turnaround',
    from: query.from,
    to: query.to,
    figures: [
      { key: 'jobs', kind: 'count', value: overall.jobs },
      { key: 'readyMedian', kind: 'hours', value: overall.readyMedian },
      { key: 'readyP90', kind: 'hours', value: overall.readyP90 },
      { key: 'pickupMedian', kind: 'hours', value: overall.pickupMedian },
      { key: 'pickupP90', kind: 'hours', value: overall.pickupP90 }
    ],
    tables: [
      {
        key: 'distribution',
        columns: [
          { key: 'bucket', kind: 'code', codeSet: 'bucket' },
          { key: 'ready', kind: 'count' },
          { key: 'pickedUp', kind: 'count' }
        ],
        rows: TURNAROUND_BUCKETS.map((bucket) => ({
          bucket,
          ready: ready.get(bucket)!,
          pickedUp: pickedUp.get(bucket)!
        }))
      },
      {
        key: 'byCategory',
        columns: [{ key: 'category', kind: 'code', codeSet: 'category' }, ...SPREAD_COLUMNS],
        rows: categoryRows
      },
      {
        key: 'byTechnician',
        columns: [{ key: 'technician', kind: 'text' }, ...SPREAD_COLUMNS],
        rows: technicianRows
      }
    ],
    chart: { kind: 'bar', table: 'distribution', category: 'bucket', series: ['ready', 'pickedUp'] }
  }
}
