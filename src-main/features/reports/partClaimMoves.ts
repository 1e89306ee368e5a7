import { sql, type RawBuilder } from 'kysely'
import { jobFilters, rangeIndexUnlessModel, type ReportQuery, type ReportRange } from './scope'

/** The payer column a move `m` took its share out of. */
const LEFT = sql`CASE m.to_payer WHEN 'shop' THEN 'brand' ELSE 'shop' END`

/** A move `m`'s share (times `factor`) as one row of a payer's column, under `key`. */
const column = (key: RawBuilder<unknown>, lines: 0 | 1, factor: 1 | -1, payer: RawBuilder<unknown>) =>
  sql`${key} AS key, ${lines} AS lines, ${factor} * m.quantity AS quantity, ${factor} * m.priced_fen AS price_fen,
    ${factor} * m.cost_fen AS cost_fen, ${payer} AS payer`

/**
 * A claim rejected, or its rejection reversed, in a later month than its job's pick-up
 * (report_part_claim_moves, `m`): its brand part `wp` moved from one payer's column to the other's.
 * The payer columns of the part's line already show it where it is now; the move is undone under
 * the month the part was issued (that month stays as reported, no line of its own) and made again
 * as a pair of lines in the month of the decision, as the summaries' triggers count it
 * (summaries/claimDecidedLater.ts). Rows as partsMargin.ts sums them: key, lines, quantity, price,
 * cost and payer, one row for each payer's column.
 */
export function claimMoves(query: ReportQuery, edge: ReportRange, key: RawBuilder<unknown>): RawBuilder<unknown>[] {
  const inIssueMonth = (select: RawBuilder<unknown>) =>
    sql`SELECT ${select}
      FROM work_order_parts wp ${rangeIndexUnlessModel(query, 'work_order_parts_issued')}
      JOIN report_part_claim_moves m ON m.work_order_part_id = wp.id
      JOIN report_jobs j ON j.work_order_id = wp.work_order_id
      WHERE wp.issued_at >= ${edge.start} AND wp.issued_at < ${edge.end} AND ${jobFilters(query)}`
  const inDecisionMonth = (select: RawBuilder<unknown>) =>
    sql`SELECT ${select}
      FROM report_part_claim_moves m
      JOIN work_order_parts wp ON wp.id = m.work_order_part_id
      JOIN report_jobs j ON j.work_order_id = wp.work_order_id
      WHERE m.at >= ${edge.start} AND m.at < ${edge.end} AND ${jobFilters(query)}`
  return [
    inIssueMonth(column(key, 0, 1, LEFT)),
    inIssueMonth(column(key, 0, -1, sql`m.to_payer`)),
    inDecisionMonth(column(key, 1, -1, LEFT)),
    inDecisionMonth(column(key, 0, 1, sql`m.to_payer`))
  ]
}

/**
 * A credit after the pick-up dated in a month before such a decision's
 * (report_part_credit_claim_moves, `m`): its negative line moved with the part. The move is undone
 * under the credit's month (it stays as reported) and made under the decision's, no line of its
 * own in either (the part's move is the decision month's line), as the summaries' triggers count
 * it (summaries/claimDecidedAfterCredit.ts). Rows as claimMoves gives them.
 */
export function creditClaimMoves(
  query: ReportQuery,
  edge: ReportRange,
  key: RawBuilder<unknown>
): RawBuilder<unknown>[] {
  const inMonthOf = (at: 'credited_at' | 'at', select: RawBuilder<unknown>) =>
    sql`SELECT ${select}
      FROM report_part_credit_claim_moves m
      JOIN work_order_parts wp ON wp.id = m.work_order_part_id
      JOIN report_jobs j ON j.work_order_id = wp.work_order_id
      WHERE ${sql.ref(`m.${at}`)} >= ${edge.start} AND ${sql.ref(`m.${at}`)} < ${edge.end} AND ${jobFilters(query)}`
  return [
    inMonthOf('credited_at', column(key, 0, 1, LEFT)),
    inMonthOf('credited_at', column(key, 0, -1, sql`m.to_payer`)),
    inMonthOf('at', column(key, 0, -1, LEFT)),
    inMonthOf('at', column(key, 0, 1, sql`m.to_payer`))
  ]
}
