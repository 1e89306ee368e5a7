import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportColumn, ReportResult } from '../../../src-shared/contract/reports'
import {
  spreadOf,
  turnaroundBucket,
  TURNAROUND_BUCKETS,
  type TurnaroundBucket
} from '../../../src-shared/domain/reportStatistics'
import { hours, receivedInRange, type ReportQuery, type ReportRange } from './scope'
import { userNames } from './names'

interface Durations {
  ready: number[]
  pickedUp: number[]
}

const SPREAD_COLUMNS: ReportColumn[] = [
  { key: 'jobs', kind: 'count' },
  { key: 'readyMedian', kind: 'hours' },
  { key: 'readyP90', kind: 'hours' },
  { key: 'pickupMedian', kind: 'hours' },
  { key: 'pickupP90', kind: 'hours' }
]

function spreadRow(jobs: number, durations: Durations) {
  const ready = spreadOf(durations.ready)
  const pickedUp = spreadOf(durations.pickedUp)
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
  // One row per category and technician with its durations as text lists: a year holds some
  // 200 000 jobs, and building a JavaScript object for each would cost more than the query.
  const { rows: groups } = await sql<{
    c: string | null
    t: string | null
    jobs: number
    r: string | null
    p: string | null
  }>`
    SELECT j.category_key AS c, j.technician_id AS t, count(*) AS jobs,
      group_concat(j.ready_minutes) AS r, group_concat(j.pickup_minutes) AS p
    FROM report_jobs j WHERE ${receivedInRange(query, range)} GROUP BY j.category_key, j.technician_id`.execute(db)
  const numbers = (list: string | null) => (list === null ? [] : list.split(',').map(Number))

  const all: Durations = { ready: [], pickedUp: [] }
  const byCategory = new Map<string | null, Durations & { jobs: number }>()
  const byTechnician = new Map<string | null, Durations & { jobs: number }>()
  const buckets = new Map<TurnaroundBucket, { ready: number; pickedUp: number }>(
    TURNAROUND_BUCKETS.map((bucket) => [bucket, { ready: 0, pickedUp: 0 }])
  )
  const groupOf = <K>(map: Map<K, Durations & { jobs: number }>, key: K) => {
    let group = map.get(key)
    if (!group) map.set(key, (group = { jobs: 0, ready: [], pickedUp: [] }))
    return group
  }
  let jobs = 0
  for (const row of groups) {
    const category = groupOf(byCategory, row.c)
    const technician = groupOf(byTechnician, row.t)
    category.jobs += row.jobs
    technician.jobs += row.jobs
    jobs += row.jobs
    for (const minutes of numbers(row.r)) {
      all.ready.push(minutes)
      category.ready.push(minutes)
      technician.ready.push(minutes)
      buckets.get(turnaroundBucket(minutes))!.ready += 1
    }
    for (const minutes of numbers(row.p)) {
      all.pickedUp.push(minutes)
      category.pickedUp.push(minutes)
      technician.pickedUp.push(minutes)
      buckets.get(turnaroundBucket(minutes))!.pickedUp += 1
    }
  }
  const names = await userNames(db, [...byTechnician.keys()])
  const overall = spreadRow(jobs, all)

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
        rows: [...buckets].map(([bucket, counts]) => ({ bucket, ...counts }))
      },
      {
        key: 'byCategory',
        columns: [{ key: 'category', kind: 'code', codeSet: 'category' }, ...SPREAD_COLUMNS],
        rows: [...byCategory]
          .sort((a, b) => b[1].jobs - a[1].jobs)
          .map(([category, group]) => ({ category, ...spreadRow(group.jobs, group) }))
      },
      {
        key: 'byTechnician',
        columns: [{ key: 'technician', kind: 'text' }, ...SPREAD_COLUMNS],
        rows: [...byTechnician]
          .sort((a, b) => b[1].jobs - a[1].jobs)
          .map(([id, group]) => ({
            technician: id === null ? null : (names.get(id) ?? id),
            ...spreadRow(group.jobs, group)
          }))
      }
    ],
    chart: { kind: 'bar', table: 'distribution', category: 'bucket', series: ['ready', 'pickedUp'] }
  }
}
