import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportFigure } from '../../../src-shared/contract/reports'
import { hasJobFilters, type ReportQuery, type ReportRange } from './scope'
import { summarySpan } from './summarySpan'
import { remedyCostFen } from './summaries/accessoryRemedies'

/** The 三包 accessory remedies given at the counter in a report's range, one kind of remedy. */
export interface AccessoryRemedySums {
  remedies: number
  /** What the exchanged accessories took out of stock, at the shop's cost: the brand owes it back. */
  costFen: number
  /** What the refunds paid out of the till (the takings report counts it among its refunds). */
  refundFen: number
}

const NONE: AccessoryRemedySums = { remedies: 0, costFen: 0, refundFen: 0 }

/**
 * The accessory exchanges and refunds of the range. They belong to a registered unit, not to a
 * job: a brand, model or category filter takes the unit's; a technician or a kind of service
 * (which only jobs have) leaves none. Unfiltered, whole months come from the monthly sums and the
 * days around them from the remedies themselves.
 */
export async function accessoryRemediesIn(
  db: Db,
  query: ReportQuery,
  range: ReportRange
): Promise<Record<'exchange' | 'refund', AccessoryRemedySums>> {
  const sums = { exchange: { ...NONE }, refund: { ...NONE } }
  if (query.technicianId !== null || query.serviceType !== null) return sums
  const span = summarySpan(query, range, !hasJobFilters(query))
  const rows: (AccessoryRemedySums & { kind: 'exchange' | 'refund' })[] = []
  if (span.months) {
    const monthly = await sql<AccessoryRemedySums & { kind: 'exchange' | 'refund' }>`
      SELECT kind, sum(remedies) AS remedies, sum(cost_fen) AS cost_fen, sum(refund_fen) AS refund_fen
      FROM report_accessory_remedy_months WHERE month >= ${span.months.first} AND month <= ${span.months.last}
      GROUP BY kind`.execute(db)
    rows.push(...monthly.rows)
  }
  const unitFilters = [
    query.brand === null ? sql`` : sql`AND m.brand = ${query.brand}`,
    query.model === null ? sql`` : sql`AND m.model = ${query.model}`,
    query.categoryKey === null ? sql`` : sql`AND m.category_key = ${query.categoryKey}`
  ]
  for (const edge of span.edges) {
    const given = await sql<AccessoryRemedySums & { kind: 'exchange' | 'refund' }>`
      SELECT r.kind AS kind, count(*) AS remedies, sum(${sql.raw(remedyCostFen('r'))}) AS cost_fen,
        sum(coalesce(r.refund_fen, 0)) AS refund_fen
      FROM warranty_accessory_remedies r
      JOIN warranty_units u ON u.id = r.unit_id JOIN product_models m ON m.id = u.model_id
      WHERE r.created_at >= ${edge.start} AND r.created_at < ${edge.end} ${sql.join(unitFilters, sql` `)}
      GROUP BY r.kind`.execute(db)
    rows.push(...given.rows)
  }
  for (const row of rows) {
    const sum = sums[row.kind]
    sum.remedies += row.remedies
    sum.costFen += row.costFen
    sum.refundFen += row.refundFen
  }
  return sums
}

/** The 三包 report's figures of them: how many of each, the exchanges' cost and the refunds' money. */
export function accessoryRemedyFigures(sums: Record<'exchange' | 'refund', AccessoryRemedySums>): ReportFigure[] {
  return [
    { key: 'accessoryExchanges', kind: 'count', value: sums.exchange.remedies },
    { key: 'accessoryCostFen', kind: 'fen', value: sums.exchange.costFen },
    { key: 'accessoryRefunds', kind: 'count', value: sums.refund.remedies },
    { key: 'accessoryRefundFen', kind: 'fen', value: sums.refund.refundFen }
  ]
}
