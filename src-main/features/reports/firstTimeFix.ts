import type { Db } from '../../db/connection'
import type { ReportColumn, ReportResult } from '../../../src-shared/contract/reports'
import { rate } from '../../../src-shared/domain/reportStatistics'
import { type ReportQuery, type ReportRange } from './scope'
import { jobCounts, type JobDimension } from './jobDimensions'
import { summarySpan } from './summarySpan'
import { summariesAnswer } from './reportSlice'
import { userNames } from './names'

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
  const span = summarySpan(query, range, summariesAnswer(query))
  // The groups with a job handed back, most first; equals in the order SQLite groups them.
  const grouped = async (dim: JobDimension) =>
    (await jobCounts(db, query, span, dim)).filter((row) => row.pickedUp > 0).sort((a, b) => b.pickedUp - a.pickedUp)

  const byModel = await grouped('model')
  const byFault = await grouped('cause')
  const byTechnician = await grouped('technician')
  const totals = await grouped('all')
  const total = fixFigures(totals[0] ?? { pickedUp: 0, comebacks: 0 })
  const names = await userNames(
    db,
    byTechnician.map((row) => row.key)
  )

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
        rows: byModel.map((row) => ({ brand: row.key, model: row.key2, ...fixFigures(row) }))
      },
      {
        key: 'byFaultCode',
        columns: [{ key: 'faultCode', kind: 'code', codeList: 'fault_cause' }, ...FIX_COLUMNS],
        rows: byFault.map((row) => ({
          faultCode: row.key,
          ...fixFigures(row)
        }))
      },
      {
        key: 'byTechnician',
        columns: [{ key: 'technician', kind: 'text' }, ...FIX_COLUMNS],
        rows: byTechnician.map((row) => ({
          technician: row.key === null ? null : (names.get(row.key) ?? row.key),
          ...fixFigures(row)
        }))
      }
    ],
    chart: { kind: 'stackedBar', table: 'byTechnician', category: 'technician', series: ['firstFixed', 'comebacks'] }
  }
}
