import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportColumn, ReportResult } from '../../../src-shared/contract/reports'
import { rate } from '../../../src-shared/domain/reportStatistics'
import { jobFilters, type ReportQuery, type ReportRange } from './scope'

interface Consumption {
  quantity: number
  revenueFen: number
  costFen: number
}

const MARGIN_COLUMNS: ReportColumn[] = [
  { key: 'quantity', kind: 'count' },
  { key: 'revenueFen', kind: 'fen' },
  { key: 'costFen', kind: 'fen' },
  { key: 'marginFen', kind: 'fen' },
  { key: 'marginRate', kind: 'percent' }
]

function margin(row: Consumption) {
  return {
    quantity: row.quantity,
    revenueFen: row.revenueFen,
    costFen: row.costFen,
    marginFen: row.revenueFen - row.costFen,
    marginRate: rate(row.revenueFen - row.costFen, row.revenueFen)
  }
}

/**
 * Parts used on jobs, issued in the range, net of what came back: quantity, what they are priced
 * at on the job, what they cost (the value that left stock), and the margin; by part and by the
 * category of the device they went into.
 */
export async function partsReport(db: Db, query: ReportQuery, range: ReportRange): Promise<ReportResult> {
  const used = sql`
    FROM work_order_parts wp INDEXED BY work_order_parts_issued
    JOIN report_jobs j ON j.work_order_id = wp.work_order_id
    WHERE wp.issued_at >= ${range.start} AND wp.issued_at < ${range.end} AND ${jobFilters(query)}`
  const sums = sql`sum(wp.quantity - wp.returned_quantity) AS quantity,
      sum(wp.unit_price_fen * (wp.quantity - wp.returned_quantity)) AS revenue_fen,
      sum(wp.cost_value_fen - wp.returned_value_fen) AS cost_fen`
  const [byPart, byCategory] = await Promise.all([
    sql<Consumption & { partNumber: string; name: string }>`
      SELECT p.part_number AS part_number, p.name AS name, t.quantity, t.revenue_fen, t.cost_fen
      FROM (SELECT wp.part_id AS part_id, ${sums} ${used} GROUP BY wp.part_id) t
      JOIN parts p ON p.id = t.part_id
      ORDER BY t.revenue_fen DESC, p.part_number`.execute(db),
    sql<Consumption & { category: string | null }>`
      SELECT j.category_key AS category, ${sums} ${used} GROUP BY j.category_key ORDER BY revenue_fen DESC`.execute(db)
  ])
  const total = byCategory.rows.reduce(
    (sum, row) => ({
      quantity: sum.quantity + row.quantity,
      revenueFen: sum.revenueFen + row.revenueFen,
      costFen: sum.costFen + row.costFen
    }),
    { quantity: 0, revenueFen: 0, costFen: 0 }
  )
  const totals = margin(total)

  return {
    report: 'parts',
    from: query.from,
    to: query.to,
    figures: [
      { key: 'quantity', kind: 'count', value: totals.quantity },
      { key: 'revenueFen', kind: 'fen', value: totals.revenueFen },
      { key: 'costFen', kind: 'fen', value: totals.costFen },
      { key: 'marginFen', kind: 'fen', value: totals.marginFen },
      { key: 'marginRate', kind: 'percent', value: totals.marginRate }
    ],
    tables: [
      {
        key: 'byCategory',
        columns: [{ key: 'category', kind: 'code', codeSet: 'category' }, ...MARGIN_COLUMNS],
        rows: byCategory.rows.map((row) => ({ category: row.category, ...margin(row) }))
      },
      {
        key: 'byPart',
        columns: [{ key: 'partNumber', kind: 'text' }, { key: 'name', kind: 'text' }, ...MARGIN_COLUMNS],
        rows: byPart.rows.map((row) => ({ partNumber: row.partNumber, name: row.name, ...margin(row) }))
      }
    ],
    chart: { kind: 'bar', table: 'byCategory', category: 'category', series: ['revenueFen', 'costFen', 'marginFen'] }
  }
}
