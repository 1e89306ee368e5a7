import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportColumn, ReportResult } from '../../../src-shared/contract/reports'
import { defaultPayer, type Payer } from '../../../src-shared/domain/invoice'
import { SERVICE_TYPES } from '../../../src-shared/domain/repairTypes'
import { rate } from '../../../src-shared/domain/reportStatistics'
import { jobFilters, rangeIndexUnlessModel, type ReportQuery, type ReportRange } from './scope'
import { byKey, orNull, sumRows, summarySpan, type SummarySpan } from './summarySpan'
import { sliceOf, summariesAnswer, type ReportSlice } from './reportSlice'
import { accessoryRemediesIn } from './accessoryRemedies'
import { claimMoves, creditClaimMoves } from './partClaimMoves'

interface Margin {
  quantity: number
  /** What the parts earn: their price where the customer or the brand pays, nothing where the shop gives them. */
  revenueFen: number
  costFen: number
}

/** Used parts of one key, with the parts the brand pays and those the shop gives summed apart. */
interface Consumption extends Margin {
  key: string | null
  lines: number
  brandQuantity: number
  brandFen: number
  brandCostFen: number
  shopQuantity: number
  shopCostFen: number
}

const MARGIN_COLUMNS: ReportColumn[] = [
  { key: 'quantity', kind: 'count' },
  { key: 'revenueFen', kind: 'fen' },
  { key: 'costFen', kind: 'fen' },
  { key: 'marginFen', kind: 'fen' },
  { key: 'marginRate', kind: 'percent' }
]

function margin(row: Margin) {
  return {
    quantity: row.quantity,
    revenueFen: row.revenueFen,
    costFen: row.costFen,
    marginFen: row.revenueFen - row.costFen,
    marginRate: rate(row.revenueFen - row.costFen, row.revenueFen)
  }
}

/** The parts each payer pays (the customer's are what the brand and the shop do not). */
function byPayer(total: Totals): { payer: Payer; margin: Margin }[] {
  const brand = { quantity: total.brandQuantity, revenueFen: total.brandFen, costFen: total.brandCostFen }
  const shop = { quantity: total.shopQuantity, revenueFen: 0, costFen: total.shopCostFen }
  const customer = {
    quantity: total.quantity - brand.quantity - shop.quantity,
    revenueFen: total.revenueFen - brand.revenueFen,
    costFen: total.costFen - brand.costFen - shop.costFen
  }
  return [
    { payer: 'customer', margin: customer },
    { payer: 'brand', margin: brand },
    { payer: 'shop', margin: shop }
  ]
}

/**
 * Parts used on jobs, issued in the range, net of what came back: quantity, what they earn, what
 * they cost (the value that left stock), and the margin; by who pays them, by part and by the
 * category of the device they went into. A part earns its price on the job where the customer
 * pays it or the brand does (a 三包 claim asks the price), and nothing where the shop gives it
 * under its own repair warranty; who pays is the job's invoice line, or before billing the payer
 * the job's kind starts with.
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
  const total = totalOf(byCategory)
  const totals = margin(total)
  // Accessories exchanged under 三包 at the counter left stock too, for no job: shown beside the
  // jobs' parts, not in them, as the brand's own 三包 cost.
  const { exchange } = await accessoryRemediesIn(db, query, range)

  return {
    report: 'parts',
    from: query.from,
    to: query.to,
    figures: [
      { key: 'quantity', kind: 'count', value: totals.quantity },
      { key: 'revenueFen', kind: 'fen', value: totals.revenueFen },
      { key: 'costFen', kind: 'fen', value: totals.costFen },
      { key: 'marginFen', kind: 'fen', value: totals.marginFen },
      { key: 'marginRate', kind: 'percent', value: totals.marginRate },
      { key: 'brandFen', kind: 'fen', value: total.brandFen },
      { key: 'shopCostFen', kind: 'fen', value: total.shopCostFen },
      { key: 'accessoryExchanges', kind: 'count', value: exchange.remedies },
      { key: 'accessoryCostFen', kind: 'fen', value: exchange.costFen }
    ],
    tables: [
      {
        key: 'byPayer',
        columns: [{ key: 'payer', kind: 'code', codeSet: 'payer' }, ...MARGIN_COLUMNS],
        rows: byPayer(total).map((row) => ({ payer: row.payer, ...margin(row.margin) }))
      },
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

const MEASURES = [
  'lines',
  'quantity',
  'revenueFen',
  'costFen',
  'brandQuantity',
  'brandFen',
  'brandCostFen',
  'shopQuantity',
  'shopCostFen'
] as const
type Totals = Record<(typeof MEASURES)[number], number>

function totalOf(rows: readonly Consumption[]): Totals {
  const total = Object.fromEntries(MEASURES.map((measure) => [measure, 0])) as Totals
  for (const row of rows) for (const measure of MEASURES) total[measure] += row[measure]
  return total
}

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
 * Who pays a used part `wp` of the job `j`: its line on the job's invoice (the shop's once HQ
 * rejected the brand's claim on that invoice: no one else is billed after a rejection), or before
 * the job is billed the payer its kind of job starts with (the migration's triggers say the same in SQL).
 */
const payerOfLine = sql`coalesce(
  (SELECT CASE WHEN il.payer = 'brand' AND EXISTS (SELECT 1 FROM warranty_claims c
      WHERE c.invoice_id = il.invoice_id AND c.status = 'rejected') THEN 'shop' ELSE il.payer END
    FROM invoice_lines il WHERE il.source_id = wp.id AND il.kind = 'part'),
  CASE j.service_type ${sql.join(
    SERVICE_TYPES.map((type) => sql`WHEN ${type} THEN ${defaultPayer(type)}`),
    sql` `
  )} END)`

/** What a used part's invoice line billed less what credit notes took off it (their lines point at it). */
const leftOnLine = sql`(il.amount_fen + coalesce((SELECT sum(cn.amount_fen) FROM invoice_lines cn WHERE cn.source_id = il.id), 0))`

/**
 * What a used part `wp` is priced at: what its invoice line billed less what credit notes took
 * off it, less the line's share of the invoice's discount where the customer pays it; or before
 * billing its price times the units not returned.
 */
const pricedAtOfLine = sql`coalesce(
  (SELECT CASE WHEN il.payer = 'customer' AND i.discount_fen > 0
      THEN ${leftOnLine} * (i.customer_lines_fen - i.discount_fen) / i.customer_lines_fen ELSE ${leftOnLine} END
    FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id WHERE il.source_id = wp.id AND il.kind = 'part'),
  wp.unit_price_fen * (wp.quantity - wp.returned_quantity))`

/**
 * What a used part `wp` took out of stock for good: what left less what came back, where a unit
 * handed back faulty or broken left again at once (the ledger line right after its return) and
 * so still costs.
 */
const costOfLine = sql`wp.cost_value_fen - wp.returned_value_fen + CASE WHEN wp.returned_quantity = 0 THEN 0 ELSE coalesce(
  (SELECT -sum(o.value_fen) FROM stock_movements r JOIN stock_movements o ON o.seq = r.seq + 1
    WHERE r.work_order_id = wp.work_order_id AND r.work_order_part_id = wp.id AND r.kind = 'return'
      AND o.kind IN ('faulty_return', 'scrap') AND o.part_id = r.part_id AND o.at = r.at AND o.reference = r.reference), 0) END`

/**
 * A used part's events after its job was picked up (report_part_credits, `pc`): what came back
 * and what a credit note took off. Each is added back under the month its part `wp` was issued
 * (no line of its own: that month stays as it stood at the pick-up) and taken off as a line of
 * its own in the month it happened, as the summaries' triggers count it (partCreditsLater.ts).
 */
function creditEvents(query: ReportQuery, edge: ReportRange, key: RawBuilder<unknown>): RawBuilder<unknown>[] {
  const event = (factor: 1 | -1) =>
    sql`${key} AS key, ${factor === 1 ? 0 : 1} AS lines, ${factor} * pc.quantity AS quantity,
      ${factor} * pc.priced_fen AS price_fen, ${factor} * pc.cost_fen AS cost_fen, ${payerOfLine} AS payer`
  return [
    sql`SELECT ${event(1)}
      FROM work_order_parts wp ${rangeIndexUnlessModel(query, 'work_order_parts_issued')}
      JOIN report_part_credits pc ON pc.work_order_part_id = wp.id
      JOIN report_jobs j ON j.work_order_id = wp.work_order_id
      WHERE wp.issued_at >= ${edge.start} AND wp.issued_at < ${edge.end} AND ${jobFilters(query)}`,
    sql`SELECT ${event(-1)}
      FROM report_part_credits pc
      JOIN work_order_parts wp ON wp.id = pc.work_order_part_id
      JOIN report_jobs j ON j.work_order_id = wp.work_order_id
      WHERE pc.at >= ${edge.start} AND pc.at < ${edge.end} AND ${jobFilters(query)}`
  ]
}

/** The used parts of one edge of the span (by key, with their lines, price, cost and payer), summed as the summaries sum them. */
async function edgeSums(db: Db, parts: RawBuilder<unknown>): Promise<Consumption[]> {
  return (
    await sql<Consumption>`
      SELECT key, sum(lines) AS lines, sum(quantity) AS quantity,
        sum((payer != 'shop') * price_fen) AS revenue_fen, sum(cost_fen) AS cost_fen,
        sum((payer = 'brand') * quantity) AS brand_quantity, sum((payer = 'brand') * price_fen) AS brand_fen,
        sum((payer = 'brand') * cost_fen) AS brand_cost_fen, sum((payer = 'shop') * quantity) AS shop_quantity,
        sum((payer = 'shop') * cost_fen) AS shop_cost_fen
      FROM (${parts}) GROUP BY 1`.execute(db)
  ).rows
}

/**
 * Parts used in the span by part or by the device's category: whole months from the monthly
 * sums, the days around them from the lines, their events after the pick-up and the claim
 * decisions that moved them (and those events) after the pick-up's month.
 */
async function consumption(
  db: Db,
  query: ReportQuery,
  span: SummarySpan,
  dim: 'part' | 'category'
): Promise<Consumption[]> {
  const parts: Consumption[][] = []
  if (span.months) {
    parts.push(
      (
        await sql<Consumption>`
          SELECT key, sum(lines) AS lines, sum(quantity) AS quantity, sum(revenue_fen) AS revenue_fen,
            sum(cost_fen) AS cost_fen, sum(brand_quantity) AS brand_quantity, sum(brand_fen) AS brand_fen,
            sum(brand_cost_fen) AS brand_cost_fen, sum(shop_quantity) AS shop_quantity, sum(shop_cost_fen) AS shop_cost_fen
          FROM ${partMonths(sliceOf(query), dim)}
            AND month >= ${span.months.first} AND month <= ${span.months.last} GROUP BY key`.execute(db)
      ).rows
    )
  }
  const key = dim === 'part' ? sql`wp.part_id` : sql`coalesce(j.category_key, '')`
  for (const edge of span.edges) {
    const lines = sql`
      SELECT ${key} AS key, 1 AS lines, wp.quantity - wp.returned_quantity AS quantity,
        ${pricedAtOfLine} AS price_fen, ${costOfLine} AS cost_fen, ${payerOfLine} AS payer
      FROM work_order_parts wp ${rangeIndexUnlessModel(query, 'work_order_parts_issued')}
      JOIN report_jobs j ON j.work_order_id = wp.work_order_id
      WHERE wp.issued_at >= ${edge.start} AND wp.issued_at < ${edge.end} AND ${jobFilters(query)}`
    for (const source of [
      lines,
      ...creditEvents(query, edge, key),
      ...claimMoves(query, edge, key),
      ...creditClaimMoves(query, edge, key)
    ])
      parts.push(await edgeSums(db, source))
  }
  return sumRows(parts.flat(), (row) => row.key ?? '', MEASURES)
    .filter((row) => row.lines > 0)
    .map((row) => ({ ...row, key: orNull(row.key ?? '') }))
    .sort((a, b) => byKey(a.key, b.key))
}
