import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportColumn, ReportResult } from '../../../src-shared/contract/reports'
import { rate } from '../../../src-shared/domain/reportStatistics'
import { jobFilters, rangeIndexUnlessModel, type ReportQuery, type ReportRange } from './scope'
import { byKey, orNull, sumRows, summarySpan, type SummarySpan } from './summarySpan'
import { sliceOf, summariesAnswer, type ReportSlice } from './reportSlice'

interface Consumption {
  key: string | null
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

function margin(row: Omit<Consumption, 'key'>) {
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
  const span = summarySpan(query, range, summariesAnswer(query))
  const byPartId = await consumption(db, query, span, 'part')
  const parts = new Map(
    byPartId.length === 0
      ? []
      : (
          await db
            .selectFrom('parts')
            .select(['id', 'partNumber', 'name'])
            .where(
              'id',
              'in',
              byPartId.map((row) => row.key)
            )
            .execute()
        ).map((part) => [part.id, part])
  )
  const byPart = byPartId
    .map((row) => ({
      ...row,
      partNumber: parts.get(row.key!)?.partNumber ?? '',
      name: parts.get(row.key!)?.name ?? ''
    }))
    .sort((a, b) => b.revenueFen - a.revenueFen || byKey(a.partNumber, b.partNumber))
  const byCategory = (await consumption(db, query, span, 'category')).sort((a, b) => b.revenueFen - a.revenueFen)
  const total = byCategory.reduce(
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
        rows: byCategory.map((row) => ({ category: row.key, ...margin(row) }))
      },
      {
        key: 'byPart',
        columns: [{ key: 'partNumber', kind: 'text' }, { key: 'name', kind: 'text' }, ...MARGIN_COLUMNS],
        rows: byPart.map((row) => ({ partNumber: row.partNumber, name: row.name, ...margin(row) }))
      }
    ],
    chart: { kind: 'bar', table: 'byCategory', category: 'category', series: ['revenueFen', 'costFen', 'marginFen'] }
  }
}

const MEASURES = ['lines', 'quantity', 'revenueFen', 'costFen'] as const

/**
 * Where used parts are summed by month, as a FROM and WHERE: the shop's sums, or within a slice
 * its own (a category's own total is its row of the shop's sums). Both are kept by month only:
 * yearly sums were two more rows written with every part issued (dropped by migration 42), and
 * sixty months of a shop's parts still read well within a report's time.
 */
function partMonths(slice: ReportSlice | null, dim: 'part' | 'category'): RawBuilder<unknown> {
  if (slice === null) return sql`report_part_months WHERE dim = ${dim}`
  if (slice.dim === 'category' && dim === 'category')
    return sql`report_part_months WHERE dim = ${dim} AND key = ${slice.key}`
  return sql`report_part_slice_months WHERE sdim = ${slice.dim} AND skey = ${slice.key} AND dim = ${dim}`
}

/**
 * Parts used in the span by part or by the device's category: whole months from the monthly
 * sums, the days around them from the lines themselves.
 */
async function consumption(
  db: Db,
  query: ReportQuery,
  span: SummarySpan,
  dim: 'part' | 'category'
): Promise<(Consumption & { lines: number })[]> {
  const parts: (Consumption & { lines: number })[][] = []
  if (span.months) {
    parts.push(
      (
        await sql<Consumption & { lines: number }>`
          SELECT key, sum(lines) AS lines, sum(quantity) AS quantity, sum(revenue_fen) AS revenue_fen,
            sum(cost_fen) AS cost_fen
          FROM ${partMonths(sliceOf(query), dim)}
            AND month >= ${span.months.first} AND month <= ${span.months.last} GROUP BY key`.execute(db)
      ).rows
    )
  }
  const key = dim === 'part' ? sql`wp.part_id` : sql`coalesce(j.category_key, '')`
  for (const edge of span.edges) {
    parts.push(
      (
        await sql<Consumption & { lines: number }>`
          SELECT ${key} AS key, count(*) AS lines, sum(wp.quantity - wp.returned_quantity) AS quantity,
            sum(wp.unit_price_fen * (wp.quantity - wp.returned_quantity)) AS revenue_fen,
            sum(wp.cost_value_fen - wp.returned_value_fen) AS cost_fen
          FROM work_order_parts wp ${rangeIndexUnlessModel(query, 'work_order_parts_issued')}
          JOIN report_jobs j ON j.work_order_id = wp.work_order_id
          WHERE wp.issued_at >= ${edge.start} AND wp.issued_at < ${edge.end} AND ${jobFilters(query)}
          GROUP BY 1`.execute(db)
      ).rows
    )
  }
  return sumRows(parts.flat(), (row) => row.key ?? '', MEASURES)
    .filter((row) => row.lines > 0)
    .map((row) => ({ ...row, key: orNull(row.key ?? '') }))
    .sort((a, b) => byKey(a.key, b.key))
}
