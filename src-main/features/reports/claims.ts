import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportResult } from '../../../src-shared/contract/reports'
import { CLAIM_STATUSES, type ClaimStatus } from '../../../src-shared/contract/checkout'
import { hasJobFilters, jobFilters, rangeIndexUnlessModel, type ReportQuery, type ReportRange } from './scope'
import { inSummaryCalendar, sumRows, summarySpan } from './summarySpan'
import { sliceOf } from './reportSlice'
import { accessoryRemediesIn, accessoryRemedyFigures } from './accessoryRemedies'

interface ClaimSums {
  brand: string
  status: ClaimStatus
  claims: number
  amountFen: number
  /** What the brand paid on the claims settled (nothing on the others). */
  paidFen: number
}

/**
 * What the brand paid on a claim `c` it settled: the amount recorded with its latest paid step (a
 * mistyped one put right by the next), else what was claimed. The claims' own rule is
 * checkout/claims/paid.ts, which a feature may not import (tests/unit/architecture); a test holds
 * this text to it, and the report sums' triggers say the same (summaries/claimsPaid.ts).
 */
export const BRAND_PAID_SQL = `CASE WHEN c.status = 'paid' THEN coalesce((SELECT ps.paid_fen FROM warranty_claim_steps ps
       WHERE ps.claim_id = c.id AND ps.status = 'paid' ORDER BY ps.recorded_at DESC, ps.id DESC LIMIT 1), c.amount_fen) ELSE 0 END`
const brandPaid = sql.raw(BRAND_PAID_SQL)

/**
 * Warranty claims raised on the brand in the range: their value by brand and by status; and the
 * brand's other 三包 cost the shop bore, the accessories exchanged (at cost, owed back through the
 * faulty-part return) and refunded at the counter (accessoryRemedies.ts).
 */
export async function claimsReport(db: Db, query: ReportQuery, range: ReportRange): Promise<ReportResult> {
  const slice = sliceOf(query)
  const fromDays = slice !== null && inSummaryCalendar(range)
  // Unfiltered, whole months from the shop's monthly sums; within a slice, every day from its sums.
  const span = summarySpan(query, range, !hasJobFilters(query) && !fromDays)
  const parts: ClaimSums[][] = []
  if (slice !== null && fromDays) {
    // Within one technician or category the claims are summed by day: the whole range from them.
    parts.push(
      (
        await sql<ClaimSums>`
          SELECT brand, status, sum(claims) AS claims, sum(amount_fen) AS amount_fen, sum(paid_fen) AS paid_fen
          FROM report_claim_slices
          WHERE sdim = ${slice.dim} AND skey = ${slice.key} AND day >= ${query.from} AND day <= ${query.to}
          GROUP BY brand, status`.execute(db)
      ).rows
    )
  } else if (span.months) {
    parts.push(
      (
        await sql<ClaimSums>`
          SELECT brand, status, sum(claims) AS claims, sum(amount_fen) AS amount_fen, sum(paid_fen) AS paid_fen
          FROM report_claim_months
          WHERE month >= ${span.months.first} AND month <= ${span.months.last} GROUP BY brand, status`.execute(db)
      ).rows
    )
  }
  for (const edge of fromDays ? [] : span.edges) {
    parts.push(
      (
        await sql<ClaimSums>`
          SELECT j.brand AS brand, c.status AS status, count(*) AS claims, sum(c.amount_fen) AS amount_fen,
            sum(${brandPaid}) AS paid_fen
          FROM warranty_claims c ${rangeIndexUnlessModel(query, 'warranty_claims_created')}
          JOIN report_jobs j ON j.work_order_id = c.work_order_id
          WHERE c.created_at >= ${edge.start} AND c.created_at < ${edge.end} AND ${jobFilters(query)}
          GROUP BY j.brand, c.status`.execute(db)
      ).rows
    )
  }
  const rows = sumRows(parts.flat(), (row) => `${row.brand}\u0000${row.status}`, [
    'claims',
    'amountFen',
    'paidFen'
  ]).filter((row) => row.claims > 0)
  const brands = new Map<string, Record<ClaimStatus | 'brandPaidFen', number>>()
  const statuses = new Map<ClaimStatus, { claims: number; amountFen: number; paidFen: number }>(
    CLAIM_STATUSES.map((status) => [status, { claims: 0, amountFen: 0, paidFen: 0 }])
  )
  for (const row of rows) {
    const brand = brands.get(row.brand) ?? { open: 0, submitted: 0, paid: 0, rejected: 0, brandPaidFen: 0 }
    brand[row.status] += row.amountFen
    brand.brandPaidFen += row.paidFen
    brands.set(row.brand, brand)
    const status = statuses.get(row.status)!
    status.claims += row.claims
    status.amountFen += row.amountFen
    status.paidFen += row.paidFen
  }
  const settled = statuses.get('paid')!
  const total = (pick: (entry: { claims: number; amountFen: number }) => number) =>
    [...statuses.values()].reduce((sum, entry) => sum + pick(entry), 0)
  const remedies = await accessoryRemediesIn(db, query, range)

  return {
    report: 'claims',
    from: query.from,
    to: query.to,
    figures: [
      { key: 'claimCount', kind: 'count', value: total((entry) => entry.claims) },
      { key: 'amountFen', kind: 'fen', value: total((entry) => entry.amountFen) },
      // Settled: what was claimed on them, what the brand paid, and what it kept back.
      { key: 'paidFen', kind: 'fen', value: settled.amountFen },
      { key: 'brandPaidFen', kind: 'fen', value: settled.paidFen },
      { key: 'shortfallFen', kind: 'fen', value: settled.amountFen - settled.paidFen },
      {
        key: 'outstandingFen',
        kind: 'fen',
        value: statuses.get('open')!.amountFen + statuses.get('submitted')!.amountFen
      },
      ...accessoryRemedyFigures(remedies)
    ],
    tables: [
      {
        key: 'byBrand',
        columns: [
          { key: 'brand', kind: 'text' },
          ...CLAIM_STATUSES.map((status) => ({ key: status, kind: 'fen' as const })),
          { key: 'brandPaidFen', kind: 'fen' },
          { key: 'amountFen', kind: 'fen' }
        ],
        rows: [...brands]
          .map(([brand, amounts]) => ({
            brand,
            ...amounts,
            amountFen: CLAIM_STATUSES.reduce((sum, status) => sum + amounts[status], 0)
          }))
          .sort((a, b) => b.amountFen - a.amountFen || a.brand.localeCompare(b.brand))
      },
      {
        key: 'byStatus',
        columns: [
          { key: 'status', kind: 'code', codeSet: 'claimStatus' },
          { key: 'claimCount', kind: 'count' },
          { key: 'amountFen', kind: 'fen' },
          { key: 'brandPaidFen', kind: 'fen' }
        ],
        rows: [...statuses].map(([status, entry]) => ({
          status,
          claimCount: entry.claims,
          amountFen: entry.amountFen,
          brandPaidFen: entry.paidFen
        }))
      }
    ],
    chart: { kind: 'stackedBar', table: 'byBrand', category: 'brand', series: [...CLAIM_STATUSES] }
  }
}
