import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportResult } from '../../../src-shared/contract/reports'
import { hours, jobFilters, rangeIndexUnlessModel, type ReportQuery, type ReportRange } from './scope'
import { orNull, sumRows, summarySpan } from './summarySpan'
import { sliceOf, summariesAnswer, type ReportSlice } from './reportSlice'

interface TechnicianOutput {
  technicianId: string | null
  finished: number
  labourFen: number
  comebacks: number
  readyMinutes: number
}
import { userNames } from './names'

/**
 * Where the monthly output by technician is kept, as a FROM and WHERE: within one technician,
 * that technician's row of report_ready_months; within a category, report_ready_categories.
 */
function readySums(slice: ReportSlice | null): RawBuilder<unknown> {
  const measures = sql`finished, labour_fen, comebacks, ready_minutes, month`
  if (slice === null) return sql`(SELECT key AS technician_id, ${measures} FROM report_ready_months) WHERE true`
  if (slice.dim === 'technician')
    return sql`(SELECT key AS technician_id, ${measures} FROM report_ready_months WHERE key = ${slice.key}) WHERE true`
  return sql`(SELECT technician AS technician_id, ${measures} FROM report_ready_categories
    WHERE category = ${slice.key}) WHERE true`
}

/**
 * Each technician's output over the jobs that became ready in the range: jobs finished, labour
 * priced on them, how many of them came back, and their average turnaround (received -> ready).
 */
export async function techniciansReport(db: Db, query: ReportQuery, range: ReportRange): Promise<ReportResult> {
  const span = summarySpan(query, range, summariesAnswer(query))
  const parts: TechnicianOutput[][] = []
  if (span.months) {
    parts.push(
      (
        await sql<TechnicianOutput>`
          SELECT technician_id, sum(finished) AS finished, sum(labour_fen) AS labour_fen,
            sum(comebacks) AS comebacks, sum(ready_minutes) AS ready_minutes
          FROM ${readySums(sliceOf(query))} AND month >= ${span.months.first} AND month <= ${span.months.last}
          GROUP BY technician_id`.execute(db)
      ).rows
    )
  }
  for (const edge of span.edges) {
    parts.push(
      (
        await sql<TechnicianOutput>`
          SELECT coalesce(j.technician_id, '') AS technician_id, count(*) AS finished, sum(j.labour_fen) AS labour_fen,
            sum(j.came_back) AS comebacks, sum(j.ready_minutes) AS ready_minutes
          FROM report_jobs j ${rangeIndexUnlessModel(query, 'report_jobs_ready')}
          WHERE j.ready_at >= ${edge.start} AND j.ready_at < ${edge.end} AND ${jobFilters(query)}
          GROUP BY j.technician_id`.execute(db)
      ).rows
    )
  }
  const rows = sumRows(parts.flat(), (row) => row.technicianId ?? '', [
    'finished',
    'labourFen',
    'comebacks',
    'readyMinutes'
  ])
    .filter((row) => row.finished > 0)
    .map((row) => ({
      ...row,
      technicianId: orNull(row.technicianId ?? ''),
      // As SQLite's avg() would: the exact sum of whole minutes over the count.
      averageMinutes: row.readyMinutes / row.finished
    }))
  const names = await userNames(
    db,
    rows.map((row) => row.technicianId)
  )
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0)
  const finished = sum((row) => row.finished)
  const minutes = sum((row) => (row.averageMinutes ?? 0) * row.finished)

  return {
    report: 'technicians',
    from: query.from,
    to: query.to,
    figures: [
      { key: 'finished', kind: 'count', value: finished },
      { key: 'labourFen', kind: 'fen', value: sum((row) => row.labourFen) },
      { key: 'comebacks', kind: 'count', value: sum((row) => row.comebacks) },
      { key: 'averageTurnaround', kind: 'hours', value: finished === 0 ? null : hours(minutes / finished) }
    ],
    tables: [
      {
        key: 'byTechnician',
        columns: [
          { key: 'technician', kind: 'text' },
          { key: 'finished', kind: 'count' },
          { key: 'labourFen', kind: 'fen' },
          { key: 'comebacks', kind: 'count' },
          { key: 'averageTurnaround', kind: 'hours' }
        ],
        rows: rows
          .map((row) => ({
            technician: row.technicianId === null ? null : (names.get(row.technicianId) ?? row.technicianId),
            finished: row.finished,
            labourFen: row.labourFen,
            comebacks: row.comebacks,
            averageTurnaround: hours(row.averageMinutes)
          }))
          // Most jobs first; equals by name, the unassigned last.
          .sort(
            (a, b) =>
              b.finished - a.finished ||
              Number(a.technician === null) - Number(b.technician === null) ||
              (a.technician ?? '').localeCompare(b.technician ?? '')
          )
      }
    ],
    chart: { kind: 'bar', table: 'byTechnician', category: 'technician', series: ['finished', 'comebacks'] }
  }
}
