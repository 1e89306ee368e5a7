import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/connection'
import {
  interpolate,
  percentileRanks,
  turnaroundBucket,
  TURNAROUND_BUCKETS,
  type TurnaroundBucket
} from '../../../src-shared/domain/reportStatistics'
import { receivedInRange, type ReportQuery } from './scope'
import type { SummarySpan } from './summarySpan'
import { sliceOf, type ReportSlice } from './reportSlice'

export type DurationKind = 'ready' | 'pickup'
export type DurationDim = 'all' | 'category' | 'technician'

/** Minutes per unit at each level of report_turnaround_months: days, hours, minutes. */
const WIDTHS = [1440, 60, 1] as const

export interface Percentiles {
  median: number | null
  p90: number | null
}

/** Counts by value at one level, lowest value first. */
type Counts = [value: number, count: number][]

const groupKey = (dim: DurationDim, key: string, kind: DurationKind) => `${dim}\u0000${key}\u0000${kind}`

/**
 * The day counts of every group at level 0, as a FROM and WHERE: the shop's groups, or within a
 * slice its own row of report_turnaround_months and the other dimension's from the slice's sums.
 */
function dayCounts(slice: ReportSlice | null): RawBuilder<unknown> {
  if (slice === null) return sql`report_turnaround_months WHERE level = 0`
  const other = slice.dim === 'technician' ? 'category' : 'technician'
  return sql`(SELECT kind, dim, key, value, month, jobs FROM report_turnaround_months
      WHERE level = 0 AND dim = ${slice.dim} AND key = ${slice.key}
    UNION ALL SELECT kind, ${other} AS dim, ${sql.ref(other)} AS key, value, month, jobs FROM report_turnaround_pairs
      WHERE level = 0 AND ${sql.ref(slice.dim)} = ${slice.key}) WHERE true`
}

/** Where one group's counts are kept, as a FROM and WHERE (a slice's total is its own row). */
function groupCounts(slice: ReportSlice | null, dim: DurationDim, key: string): RawBuilder<unknown> {
  if (slice === null) return sql`report_turnaround_months WHERE dim = ${dim} AND key = ${key}`
  if (dim === 'all' || dim === slice.dim)
    return sql`report_turnaround_months WHERE dim = ${slice.dim} AND key = ${slice.key}`
  return sql`report_turnaround_pairs WHERE ${sql.ref(slice.dim)} = ${slice.key} AND ${sql.ref(dim)} = ${key}`
}

/**
 * The turnaround durations of the jobs received in a span: the whole months' from
 * report_turnaround_months, the days around them from the fact rows. A percentile is exact: its
 * rank is found among the day counts, then among that day's hours, then that hour's minutes, so
 * a five-year range reads a few thousand summary rows and never the million durations.
 */
export class TurnaroundDurations {
  private constructor(
    private readonly db: Db,
    private readonly span: SummarySpan,
    private readonly slice: ReportSlice | null,
    /** The edge days' durations by group and kind, sorted. */
    private readonly edges: Map<string, number[]>,
    /** The whole months' durations counted by day of duration, by group and kind. */
    private readonly days: Map<string, Map<number, number>>
  ) {}

  static async of(db: Db, query: ReportQuery, span: SummarySpan): Promise<TurnaroundDurations> {
    const edges = new Map<string, number[]>()
    const add = (dim: DurationDim, key: string, kind: DurationKind, list: string | null) => {
      if (list === null) return
      const k = groupKey(dim, key, kind)
      const values = edges.get(k) ?? []
      for (const value of list.split(',')) values.push(Number(value))
      edges.set(k, values)
    }
    for (const edge of span.edges) {
      // One row per category and technician with its durations as text lists: a year holds some
      // 200 000 jobs, and building a JavaScript object for each would cost more than the query.
      const { rows } = await sql<{ c: string; t: string; r: string | null; p: string | null }>`
        SELECT coalesce(j.category_key, '') AS c, coalesce(j.technician_id, '') AS t,
          group_concat(j.ready_minutes) AS r, group_concat(j.pickup_minutes) AS p
        FROM report_jobs j WHERE ${receivedInRange(query, edge)} GROUP BY 1, 2`.execute(db)
      for (const row of rows) {
        for (const [dim, key] of [
          ['all', ''],
          ['category', row.c],
          ['technician', row.t]
        ] as const) {
          add(dim, key, 'ready', row.r)
          add(dim, key, 'pickup', row.p)
        }
      }
    }
    for (const values of edges.values()) values.sort((a, b) => a - b)

    const days = new Map<string, Map<number, number>>()
    const slice = sliceOf(query)
    if (span.months) {
      const { rows } = await sql<{ kind: DurationKind; dim: DurationDim; key: string; value: number; jobs: number }>`
        SELECT kind, dim, key, value, sum(jobs) AS jobs FROM ${dayCounts(slice)}
          AND month >= ${span.months.first} AND month <= ${span.months.last}
        GROUP BY kind, dim, key, value HAVING sum(jobs) != 0`.execute(db)
      const put = (dim: DurationDim, key: string, row: (typeof rows)[number]) => {
        const k = groupKey(dim, key, row.kind)
        const counts = days.get(k) ?? new Map<number, number>()
        counts.set(row.value, row.jobs)
        days.set(k, counts)
      }
      for (const row of rows) {
        put(row.dim, row.key, row)
        // Within a slice, the slice's own row is also the total of its jobs.
        if (slice !== null && row.dim === slice.dim) put('all', '', row)
      }
    }
    return new TurnaroundDurations(db, span, slice, edges, days)
  }

  /** How many durations of a kind a group has ('' is the key of none). */
  count(dim: DurationDim, key: string, kind: DurationKind): number {
    const k = groupKey(dim, key, kind)
    let total = this.edges.get(k)?.length ?? 0
    for (const count of this.days.get(k)?.values() ?? []) total += count
    return total
  }

  /** Median and 90th percentile (minutes) of a group's durations of a kind, as spreadOf would give them. */
  async percentiles(dim: DurationDim, key: string, kind: DurationKind): Promise<Percentiles> {
    const count = this.count(dim, key, kind)
    if (count === 0) return { median: null, p90: null }
    const median = percentileRanks(count, 0.5)
    const p90 = percentileRanks(count, 0.9)
    const values = await this.valuesAt(dim, key, kind, [median.below, median.above, p90.below, p90.above])
    const valueAt = (rank: number) => values.get(rank)!
    return { median: interpolate(median, valueAt), p90: interpolate(p90, valueAt) }
  }

  /** How the kind's durations of every job spread over the histogram's bars. */
  distribution(kind: DurationKind): Map<TurnaroundBucket, number> {
    const bars = new Map<TurnaroundBucket, number>(TURNAROUND_BUCKETS.map((bucket) => [bucket, 0]))
    const k = groupKey('all', '', kind)
    // The bars end on whole days, so a duration's day says its bar.
    for (const [day, count] of this.days.get(k) ?? []) {
      const bucket = turnaroundBucket(day * WIDTHS[0])
      bars.set(bucket, bars.get(bucket)! + count)
    }
    for (const minutes of this.edges.get(k) ?? []) {
      const bucket = turnaroundBucket(minutes)
      bars.set(bucket, bars.get(bucket)! + 1)
    }
    return bars
  }

  private async valuesAt(
    dim: DurationDim,
    key: string,
    kind: DurationKind,
    ranks: number[]
  ): Promise<Map<number, number>> {
    const edge = this.edges.get(groupKey(dim, key, kind)) ?? []
    const found = new Map<number, number>()
    if (!this.span.months) {
      for (const rank of ranks) found.set(rank, edge[rank]!)
      return found
    }
    const dayCounts = this.withEdge([...(this.days.get(groupKey(dim, key, kind)) ?? [])], edge, 0, -Infinity, Infinity)
    const descend = async (level: number, counts: Counts, wanted: { rank: number; within: number }[]) => {
      const byValue = new Map<number, { rank: number; within: number }[]>()
      let before = 0
      let next = 0
      const sorted = [...wanted].sort((a, b) => a.within - b.within)
      for (const [value, count] of counts) {
        while (next < sorted.length && sorted[next]!.within < before + count) {
          const entry = sorted[next++]!
          byValue.set(value, [...(byValue.get(value) ?? []), { rank: entry.rank, within: entry.within - before }])
        }
        before += count
      }
      for (const [value, entries] of byValue) {
        if (level === WIDTHS.length - 1) {
          for (const entry of entries) found.set(entry.rank, value)
          continue
        }
        const ratio = WIDTHS[level]! / WIDTHS[level + 1]!
        const low = value * ratio
        const high = low + ratio - 1
        const { rows } = await sql<{ value: number; jobs: number }>`
          SELECT value, sum(jobs) AS jobs FROM ${groupCounts(this.slice, dim, key)}
            AND level = ${level + 1} AND kind = ${kind} AND value >= ${low} AND value <= ${high}
            AND month >= ${this.span.months!.first} AND month <= ${this.span.months!.last}
          GROUP BY value`.execute(this.db)
        const children = this.withEdge(
          rows.map((row) => [row.value, row.jobs]),
          edge,
          level + 1,
          low,
          high
        )
        await descend(level + 1, children, entries)
      }
    }
    await descend(
      0,
      dayCounts,
      ranks.map((rank) => ({ rank, within: rank }))
    )
    return found
  }

  /** Summary counts at a level with the edge durations that fall between low and high added, lowest first. */
  private withEdge(counts: Counts, edge: number[], level: number, low: number, high: number): Counts {
    const merged = new Map<number, number>(counts)
    for (const minutes of edge) {
      const value = Math.floor(minutes / WIDTHS[level]!)
      if (value >= low && value <= high) merged.set(value, (merged.get(value) ?? 0) + 1)
    }
    return [...merged].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0])
  }
}
