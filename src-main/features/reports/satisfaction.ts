import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportResult } from '../../../src-shared/contract/reports'
import { SATISFACTION_ASPECTS, SATISFIED_FROM } from '../../../src-shared/domain/customerContact'
import { jobFilters, type ReportQuery, type ReportRange } from './scope'
import { userNames } from './names'

interface TechnicianRow {
  technicianId: string | null
  followUps: number
  calls: number
  reached: number
  satisfied: number
  complaints: number
  attitude: number | null
  speed: number | null
  quality: number | null
  price: number | null
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole)
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)

/**
 * The follow-ups (one a picked-up job) whose last call was made in the range (customerContact):
 * how many there were and how many calls they took (up to three each, the tries that found no one
 * included: a follow-up keeps its count of calls, not when each was made), the share of them that
 * reached the customer (接通率: follow-ups reached ÷ follow-ups), the average of the four scores,
 * the share satisfied (an average of 85 or more) and the complaints the calls opened, by the
 * job's technician and by aspect.
 */
export async function satisfactionReport(db: Db, query: ReportQuery, range: ReportRange): Promise<ReportResult> {
  const { rows } = await sql<TechnicianRow>`
    SELECT j.technician_id AS technician_id, count(*) AS follow_ups, sum(f.attempts) AS calls,
      sum(f.reached) AS reached,
      sum(CASE WHEN f.reached = 1 AND (f.attitude + f.speed + f.quality + f.price) >= ${SATISFIED_FROM * 4}
        THEN 1 ELSE 0 END) AS satisfied,
      sum(EXISTS (SELECT 1 FROM complaints k WHERE k.follow_up_id = f.id)) AS complaints,
      avg(f.attitude) AS attitude, avg(f.speed) AS speed, avg(f.quality) AS quality, avg(f.price) AS price
    FROM follow_ups f INDEXED BY follow_ups_called
    JOIN report_jobs j ON j.work_order_id = f.work_order_id
    WHERE f.called_at >= ${range.start} AND f.called_at < ${range.end} AND ${jobFilters(query)}
    GROUP BY j.technician_id ORDER BY reached DESC`.execute(db)
  const names = await userNames(
    db,
    rows.map((row) => row.technicianId)
  )
  const sum = (pick: (row: TechnicianRow) => number) => rows.reduce((total, row) => total + pick(row), 0)
  const reached = sum((row) => row.reached)
  /** The mean of an aspect over every reached call, weighting each technician by their calls. */
  const aspectMean = (aspect: (typeof SATISFACTION_ASPECTS)[number]) =>
    reached === 0 ? null : sum((row) => (row[aspect] ?? 0) * row.reached) / reached
  const rowAverage = (row: TechnicianRow) =>
    row.reached === 0 ? null : SATISFACTION_ASPECTS.reduce((total, aspect) => total + (row[aspect] ?? 0), 0) / 4
  const overall =
    reached === 0 ? null : SATISFACTION_ASPECTS.reduce((total, aspect) => total + aspectMean(aspect)!, 0) / 4

  return {
    report: 'satisfaction',
    from: query.from,
    to: query.to,
    figures: [
      { key: 'followUps', kind: 'count', value: sum((row) => row.followUps) },
      { key: 'calls', kind: 'count', value: sum((row) => row.calls) },
      {
        key: 'reachedRate',
        kind: 'percent',
        value: share(
          reached,
          sum((row) => row.followUps)
        )
      },
      { key: 'averageScore', kind: 'count', value: oneDecimal(overall) },
      {
        key: 'satisfiedRate',
        kind: 'percent',
        value: share(
          sum((row) => row.satisfied),
          reached
        )
      },
      { key: 'complaints', kind: 'count', value: sum((row) => row.complaints) }
    ],
    tables: [
      {
        key: 'byTechnician',
        columns: [
          { key: 'technician', kind: 'text' },
          { key: 'followUps', kind: 'count' },
          { key: 'calls', kind: 'count' },
          { key: 'reached', kind: 'count' },
          { key: 'averageScore', kind: 'count' },
          { key: 'satisfiedRate', kind: 'percent' },
          { key: 'complaints', kind: 'count' }
        ],
        rows: rows.map((row) => ({
          technician: row.technicianId === null ? null : (names.get(row.technicianId) ?? row.technicianId),
          followUps: row.followUps,
          calls: row.calls,
          reached: row.reached,
          averageScore: oneDecimal(rowAverage(row)),
          satisfiedRate: share(row.satisfied, row.reached),
          complaints: row.complaints
        }))
      },
      {
        key: 'byAspect',
        columns: [
          { key: 'aspect', kind: 'code', codeSet: 'aspect' },
          { key: 'averageScore', kind: 'count' }
        ],
        rows: SATISFACTION_ASPECTS.map((aspect) => ({ aspect, averageScore: oneDecimal(aspectMean(aspect)) }))
      }
    ],
    chart: { kind: 'bar', table: 'byTechnician', category: 'technician', series: ['averageScore'] }
  }
}
