import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type { ReportResult } from '../../../src-shared/contract/reports'
import { PAYMENT_METHODS } from '../../../src-shared/domain/invoice'
import { periodOf, periodsOfRange } from '../../../src-shared/domain/reportStatistics'
import { hasJobFilters, jobFilters, rangeIndexUnlessModel, shopDay, type ReportQuery, type ReportRange } from './scope'
import { inSummaryCalendar } from './summarySpan'
import { sliceOf, summariesAnswer } from './reportSlice'

type Method = (typeof PAYMENT_METHODS)[number]

interface PeriodTakings {
  byMethod: Record<Method, number>
  received: number
  refunded: number
  claims: number
}

const emptyPeriod = (): PeriodTakings => ({
  byMethod: Object.fromEntries(PAYMENT_METHODS.map((method) => [method, 0])) as Record<Method, number>,
  received: 0,
  refunded: 0,
  claims: 0
})

/**
 * The money of the range by day, week or month: what came in by method (deposits and payments),
 * what went back (refunds and returned deposits, as positive sums), the net, and the warranty
 * claims raised on the brand in the same period, every period of the range listed. With job filters,
 * only the filtered jobs' money.
 */
export async function takingsReport(db: Db, query: ReportQuery, range: ReportRange): Promise<ReportResult> {
  const onlyJobs = hasJobFilters(query)
    ? sql`AND p.work_order_id IN (SELECT j.work_order_id FROM report_jobs j WHERE ${jobFilters(query)})`
    : sql``
  const claimJobs = hasJobFilters(query)
    ? sql`AND c.work_order_id IN (SELECT j.work_order_id FROM report_jobs j WHERE ${jobFilters(query)})`
    : sql``
  // Unfiltered or within one technician or category, in the summaries' calendar: the day sums the
  // triggers keep; else the rows themselves.
  const daily = summariesAnswer(query) && inSummaryCalendar(range)
  const slice = sliceOf(query)
  const payments = daily
    ? await sql<{ day: string; kind: string; method: Method; amountFen: number }>`
        SELECT day, kind, method, amount_fen FROM ${
          slice === null
            ? sql`report_payment_days WHERE true`
            : sql`report_payment_slices WHERE sdim = ${slice.dim} AND skey = ${slice.key}`
        } AND day >= ${query.from} AND day <= ${query.to} AND payments > 0`.execute(db)
    : await sql<{ day: string; kind: string; method: Method; amountFen: number }>`
        SELECT ${shopDay(sql.ref('p.at'), range)} AS day, p.kind AS kind, p.method AS method, sum(p.amount_fen) AS amount_fen
        FROM payments p ${rangeIndexUnlessModel(query, 'payments_takings')}
        WHERE p.at >= ${range.start} AND p.at < ${range.end} ${onlyJobs}
        GROUP BY 1, 2, 3`.execute(db)
  const claims = daily
    ? await sql<{ day: string; amountFen: number }>`
        SELECT day, sum(amount_fen) AS amount_fen FROM ${
          slice === null
            ? sql`report_claim_days WHERE true`
            : sql`report_claim_slices WHERE sdim = ${slice.dim} AND skey = ${slice.key}`
        } AND day >= ${query.from} AND day <= ${query.to} GROUP BY day HAVING sum(claims) > 0`.execute(db)
    : await sql<{ day: string; amountFen: number }>`
        SELECT ${shopDay(sql.ref('c.created_at'), range)} AS day, sum(c.amount_fen) AS amount_fen
        FROM warranty_claims c ${rangeIndexUnlessModel(query, 'warranty_claims_created')}
        WHERE c.created_at >= ${range.start} AND c.created_at < ${range.end} ${claimJobs}
        GROUP BY 1`.execute(db)

  // Every period of the range, the quiet ones as zeros: the chart's axis has no gaps.
  const periods = new Map<string, PeriodTakings>(
    periodsOfRange(query.from, query.to, query.grain).map((key) => [key, emptyPeriod()])
  )
  const period = (day: string) => {
    const key = periodOf(day, query.grain)
    let entry = periods.get(key)
    if (!entry) periods.set(key, (entry = emptyPeriod()))
    return entry
  }
  const byMethod = new Map<Method, { received: number; refunded: number }>(
    PAYMENT_METHODS.map((method) => [method, { received: 0, refunded: 0 }])
  )
  for (const row of payments.rows) {
    const entry = period(row.day)
    const method = byMethod.get(row.method)!
    if (row.kind === 'deposit' || row.kind === 'payment') {
      entry.received += row.amountFen
      entry.byMethod[row.method] += row.amountFen
      method.received += row.amountFen
    } else {
      // Money handed back is stored negative (out of the till); the report shows it as a sum refunded.
      entry.refunded -= row.amountFen
      method.refunded -= row.amountFen
    }
  }
  for (const row of claims.rows) period(row.day).claims += row.amountFen

  const totals = [...periods.values()].reduce(
    (sum, entry) => ({
      received: sum.received + entry.received,
      refunded: sum.refunded + entry.refunded,
      claims: sum.claims + entry.claims
    }),
    { received: 0, refunded: 0, claims: 0 }
  )

  return {
    report: 'takings',
    from: query.from,
    to: query.to,
    figures: [
      { key: 'received', kind: 'fen', value: totals.received },
      { key: 'refunded', kind: 'fen', value: totals.refunded },
      { key: 'net', kind: 'fen', value: totals.received - totals.refunded },
      { key: 'claims', kind: 'fen', value: totals.claims }
    ],
    tables: [
      {
        key: 'byPeriod',
        columns: [
          { key: 'period', kind: 'text' },
          ...PAYMENT_METHODS.map((method) => ({ key: method, kind: 'fen' as const })),
          { key: 'received', kind: 'fen' },
          { key: 'refunded', kind: 'fen' },
          { key: 'net', kind: 'fen' },
          { key: 'claims', kind: 'fen' }
        ],
        rows: [...periods]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([key, entry]) => ({
            period: key,
            ...entry.byMethod,
            received: entry.received,
            refunded: entry.refunded,
            net: entry.received - entry.refunded,
            claims: entry.claims
          }))
      },
      {
        key: 'byMethod',
        columns: [
          { key: 'method', kind: 'code', codeSet: 'method' },
          { key: 'received', kind: 'fen' },
          { key: 'refunded', kind: 'fen' },
          { key: 'net', kind: 'fen' }
        ],
        rows: [...byMethod].map(([method, sums]) => ({ method, ...sums, net: sums.received - sums.refunded }))
      }
    ],
    chart: { kind: 'stackedBar', table: 'byPeriod', category: 'period', series: [...PAYMENT_METHODS] }
  }
}
