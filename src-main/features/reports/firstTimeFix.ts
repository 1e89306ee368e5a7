import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportColumn, ReportResult } from '../../../src-shared/contract/reports'
import { rate } from '../../../src-shared/domain/reportStatistics'
import { receivedInRange, type ReportQuery, type ReportRange } from './scope'
import { codeLabels, userNames } from './names'

interface FixRow {
  pickedUp: number
  comebacks: number
}

const FIX_COLUMNS: ReportColumn[] = [
  { key: 'pickedUp', kind: 'count' },
  { key: 'firstFixed', kind: 'count' },
  { key: 'comebacks', kind: 'count' },
  { key: 'firstTimeFixRate', kind: 'percent' }
]

function fixFigures(row: FixRow) {
  return {
    pickedUp: row.pickedUp,
    firstFixed: row.pickedUp - row.comebacks,
    comebacks: row.comebacks,
    firstTimeFixRate: rate(row.pickedUp - row.comebacks, row.pickedUp)
  }
}

/**
 * First-time fix and comebacks of the jobs received in the range and handed back: a job came
 * back when a comeback (a job reopened from it, issue 11) was opened for the same device within
 * COMEBACK_WINDOW_DAYS of its pick-up and not cancelled. By model, fault code and technician.
 */
export async function firstTimeFixReport(db: Db, query: ReportQuery, range: ReportRange): Promise<ReportResult> {
  const scope = sql`${receivedInRange(query, range)} AND j.picked_up_at IS NOT NULL`
  const grouped = async <T>(columns: ReturnType<typeof sql>, groupBy: ReturnType<typeof sql>) =>
    (
      await sql<T & FixRow>`
        SELECT ${columns}, count(*) AS picked_up, sum(j.came_back) AS comebacks
        FROM report_jobs j WHERE ${scope} GROUP BY ${groupBy} ORDER BY picked_up DESC`.execute(db)
    ).rows

  const [byModel, byFault, byTechnician, totals] = await Promise.all([
    grouped<{ brand: string; model: string }>(sql`j.brand AS brand, j.model AS model`, sql`j.brand, j.model`),
    grouped<{ code: string | null }>(sql`j.fault_cause_code AS code`, sql`j.fault_cause_code`),
    grouped<{ technicianId: string | null }>(sql`j.technician_id AS technician_id`, sql`j.technician_id`),
    grouped<{ all: number }>(sql`1 AS "all"`, sql`1`)
  ])
  const total = fixFigures(totals[0] ?? { pickedUp: 0, comebacks: 0 })
  const names = await userNames(
    db,
    byTechnician.map((row) => row.technicianId)
  )
  const faults = await codeLabels(db, 'fault_cause')

  return {
    report: 'firstTimeFix',
    from: query.from,
    to: query.to,
    figures: [
      { key: 'pickedUp', kind: 'count', value: total.pickedUp },
      { key: 'comebacks', kind: 'count', value: total.comebacks },
      { key: 'firstTimeFixRate', kind: 'percent', value: total.firstTimeFixRate },
      { key: 'comebackRate', kind: 'percent', value: rate(total.comebacks, total.pickedUp) }
    ],
    tables: [
      {
        key: 'byModel',
        columns: [{ key: 'brand', kind: 'text' }, { key: 'model', kind: 'text' }, ...FIX_COLUMNS],
        rows: byModel.map((row) => ({ brand: row.brand, model: row.model, ...fixFigures(row) }))
      },
      {
        key: 'byFaultCode',
        columns: [{ key: 'faultCode', kind: 'text' }, ...FIX_COLUMNS],
        rows: byFault.map((row) => ({
          faultCode: row.code === null ? null : (faults.get(row.code) ?? row.code),
          ...fixFigures(row)
        }))
      },
      {
        key: 'byTechnician',
        columns: [{ key: 'technician', kind: 'text' }, ...FIX_COLUMNS],
        rows: byTechnician.map((row) => ({
          technician: row.technicianId === null ? null : (names.get(row.technicianId) ?? row.technicianId),
          ...fixFigures(row)
        }))
      }
    ],
    chart: { kind: 'stackedBar', table: 'byTechnician', category: 'technician', series: ['firstFixed', 'comebacks'] }
  }
}
