import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { runReport } from '../../../src-main/features/reports/run'
import { reportQuerySchema } from '../../../src-shared/contract/reports'
import { callOk, createUserAndSignIn, freshShopPerTest, testClock, type TestClock } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { tableOf } from './fixtures'
import { claimDecidedAfterCredit } from '../../../src-main/features/reports/summaries/claimDecidedAfterCredit'

const freshShop = freshShopPerTest()

/*
 * A 三包 job with a screen (price 300, cost 200) is billed (its claim raised on the brand) and
 * picked up on 23 January 2026. After the pick-up the screen comes back, or part of its price is
 * credited, and later still the claim is rejected (or filed again). Each month, once reported,
 * must stay as it was: a credit counted under the brand's column in its month stays there, and
 * the month of the decision moves what the brand still owed then. Every month's figures by payer
 * are checked against a recomputation from the raw rows (the part's issue, its returns and credit
 * notes after the pick-up, the claim's steps), written here from that definition alone.
 */
type Figures = { quantity: number; revenueFen: number; costFen: number }
type ByPayer = Record<'customer' | 'brand' | 'shop', Figures>
type Report = Awaited<ReturnType<typeof runReport>>

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'] as const
const SHANGHAI = 8 * 3_600_000

/** When a month (YYYY-MM) ends in the shop's time zone, as a UTC instant. */
const monthEnd = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, number, 1) - SHANGHAI).toISOString()
}
const monthOf = (at: string) => new Date(Date.parse(at) + SHANGHAI).toISOString().slice(0, 7)

/**
 * Parts by payer in `month` from the raw rows: every event of a brand-billed part line up to the
 * end of a month counted for whoever pays the line at that month's end (the shop once the claim's
 * latest step is a rejection), the month's figures being what that adds to the months before.
 * A month before the pick-up's counts the payer at the pick-up month's end: not reported yet.
 */
function fromScratch(app: AppContext, month: string): ByPayer {
  const lines = app.sqlite
    .prepare(
      `SELECT wp.id, wp.issued_at AS issuedAt, wp.quantity, wp.cost_value_fen AS costFen, il.id AS lineId,
         il.amount_fen AS amountFen, c.id AS claimId, wo.picked_up_at AS pickedUpAt
       FROM work_order_parts wp JOIN invoice_lines il ON il.source_id = wp.id AND il.kind = 'part' AND il.payer = 'brand'
         JOIN warranty_claims c ON c.invoice_id = il.invoice_id JOIN work_orders wo ON wo.id = wp.work_order_id`
    )
    .all() as {
    id: string
    issuedAt: string
    quantity: number
    costFen: number
    lineId: string
    amountFen: number
    claimId: string
    pickedUpAt: string
  }[]
  const total: ByPayer = {
    customer: { quantity: 0, revenueFen: 0, costFen: 0 },
    brand: { quantity: 0, revenueFen: 0, costFen: 0 },
    shop: { quantity: 0, revenueFen: 0, costFen: 0 }
  }
  for (const line of lines) {
    const events: (Figures & { at: string })[] = [
      { at: line.issuedAt, quantity: line.quantity, revenueFen: line.amountFen, costFen: line.costFen },
      ...(
        app.sqlite
          .prepare(
            `SELECT at, quantity, value_fen FROM stock_movements WHERE kind = 'return' AND work_order_part_id = ?`
          )
          .all(line.id) as { at: string; quantity: number; value_fen: number }[]
      ).map((r) => ({ at: r.at, quantity: -r.quantity, revenueFen: 0, costFen: -r.value_fen })),
      ...(
        app.sqlite
          .prepare(
            `SELECT n.issued_at AS at, note.amount_fen FROM invoice_lines note JOIN invoices n ON n.id = note.invoice_id
             WHERE note.source_id = ?`
          )
          .all(line.lineId) as { at: string; amount_fen: number }[]
      ).map((n) => ({ at: n.at, quantity: 0, revenueFen: n.amount_fen, costFen: 0 }))
    ]
    const payerAtEndOf = (m: string) => {
      const until = monthEnd(m < monthOf(line.pickedUpAt) ? monthOf(line.pickedUpAt) : m)
      const latest = app.sqlite
        .prepare(
          `SELECT status FROM warranty_claim_steps WHERE claim_id = ? AND recorded_at < ?
           ORDER BY recorded_at DESC, id DESC LIMIT 1`
        )
        .pluck()
        .get(line.claimId, until)
      return latest === 'rejected' ? 'shop' : 'brand'
    }
    const before = MONTHS[MONTHS.indexOf(month as (typeof MONTHS)[number]) - 1]
    const counted = (upTo: string | undefined, sign: 1 | -1) => {
      if (upTo === undefined) return
      const payer = payerAtEndOf(upTo)
      for (const event of events.filter((e) => monthOf(e.at) <= upTo)) {
        total[payer].quantity += sign * event.quantity
        total[payer].revenueFen += payer === 'shop' ? 0 : sign * event.revenueFen
        total[payer].costFen += sign * event.costFen
      }
    }
    counted(month, 1)
    counted(before, -1)
  }
  return total
}

const payers = (report: Report): ByPayer =>
  Object.fromEntries(
    tableOf(report, 'byPayer').map((row) => [
      row.payer,
      { quantity: row.quantity, revenueFen: row.revenueFen, costFen: row.costFen }
    ])
  ) as ByPayer

/** The job's technician: a filter the sums within one technician answer. */
const technicianOf = (app: AppContext) =>
  app.sqlite.prepare('SELECT technician_id FROM report_jobs WHERE technician_id IS NOT NULL').pluck().get() as string

/**
 * Every month's parts report, whole and broken, unfiltered and within one technician: the
 * summaries say what the lines say, and the whole month what the raw rows say.
 */
async function monthsAgreeFromScratch(app: AppContext): Promise<Record<string, ByPayer>> {
  const byMonth: Record<string, ByPayer> = {}
  for (const month of MONTHS) {
    const from = `${month}-01`
    const to = new Date(Date.parse(monthEnd(month)) + SHANGHAI - 86_400_000).toISOString().slice(0, 10)
    for (const range of [
      { from, to },
      { from: `${month}-02`, to }
    ]) {
      for (const filter of [{}, { technicianId: technicianOf(app) }]) {
        const query = reportQuerySchema.parse({ report: 'parts', ...range, ...filter })
        const report = await runReport(app.db, query)
        expect(report).toEqual(await runReport(app.db, query, true))
        if (range.from === from)
          expect(payers(report), `${month} ${JSON.stringify(filter)}`).toEqual(fromScratch(app, month))
        if (range.from === from && Object.keys(filter).length === 0) byMonth[month] = payers(report)
      }
    }
  }
  return byMonth
}

/** The clock on to `at` (UTC). */
const moveTo = (clock: TestClock, at: string) => clock.advance(Date.parse(at) - clock.now().getTime())

/** A 三包 job with a screen, billed and picked up on 23 January; a manager who records credits and the brand's answers. */
async function claimedJob(app: AppContext, token: string) {
  const job = await finishedJob(app, token, { serviceType: 'warranty_repair', labourFen: 5_000, partPriceFen: 30_000 })
  const invoice = await callOk(app, 'checkout.pay', { workOrderId: job.id }, token)
  await callOk(app, 'workOrders.pickup', { id: job.id, claimCode: job.claimCode, confirmed: true }, token)
  const claims = await callOk(app, 'checkout.claims', { workOrderId: job.id }, token)
  const manager = await createUserAndSignIn(app, token, 'manager')
  const fresh = async () => {
    const { username } = manager.user
    return (await callOk(app, 'auth.signIn', { username, password: manager.password })).token
  }
  const partLine = invoice.lines.find((line) => line.kind === 'part')!
  return {
    credit: async (amountFen: number, handedBack: boolean) =>
      callOk(
        app,
        'checkout.creditNote',
        {
          invoiceId: invoice.id,
          lines: [
            {
              lineId: partLine.id,
              amountFen,
              ...(handedBack ? { handedBack: { quantity: 1, disposition: 'resellable' as const } } : {})
            }
          ],
          reason: '配件退回',
          refundMethod: 'cash'
        },
        await fresh()
      ),
    mark: async (step: 'rejected' | 'submitted', note: string) =>
      callOk(app, 'checkout.markClaim', { claimId: claims.rows[0]!.id, step, note }, await fresh())
  }
}

const NOTHING = { quantity: 0, revenueFen: 0, costFen: 0 }

describe('a part credited after the pick-up whose claim is decided in a later month', () => {
  it('handed back in February, the claim rejected in March: February keeps the brand’s credit, March moves nothing left', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { credit, mark } = await claimedJob(app, adminToken)
    moveTo(clock, '2026-02-10T02:00:00.000Z')
    await credit(30_000, true)
    const reported = await monthsAgreeFromScratch(app)
    expect(reported['2026-02']!.brand).toEqual({ quantity: -1, revenueFen: -30_000, costFen: -20_000 })

    moveTo(clock, '2026-03-05T02:00:00.000Z')
    await mark('rejected', '进液')

    const now = await monthsAgreeFromScratch(app)
    expect(now['2026-01']).toEqual(reported['2026-01'])
    expect(now['2026-02']).toEqual(reported['2026-02'])
    // The screen came back before the rejection: nothing was left for the brand to owe.
    expect(now['2026-03']).toEqual({ customer: NOTHING, brand: NOTHING, shop: NOTHING })
  })

  it('100 credited in February, rejected in March and filed again in April: each month keeps what it reported', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { credit, mark } = await claimedJob(app, adminToken)
    moveTo(clock, '2026-02-10T02:00:00.000Z')
    await credit(10_000, false)
    const february = await monthsAgreeFromScratch(app)
    expect(february['2026-02']!.brand).toEqual({ quantity: 0, revenueFen: -10_000, costFen: 0 })

    moveTo(clock, '2026-03-05T02:00:00.000Z')
    await mark('rejected', '缺发票')
    const march = await monthsAgreeFromScratch(app)
    expect(march['2026-02']).toEqual(february['2026-02'])
    // What the brand still owed, 200 for the screen, moves to the shop.
    expect(march['2026-03']).toEqual({
      customer: NOTHING,
      brand: { quantity: -1, revenueFen: -20_000, costFen: -20_000 },
      shop: { quantity: 1, revenueFen: 0, costFen: 20_000 }
    })

    moveTo(clock, '2026-04-03T02:00:00.000Z')
    await mark('submitted', '补发票')
    const april = await monthsAgreeFromScratch(app)
    for (const month of ['2026-01', '2026-02', '2026-03']) expect(april[month]).toEqual(march[month])
    expect(april['2026-04']).toEqual({
      customer: NOTHING,
      brand: { quantity: 1, revenueFen: 20_000, costFen: 20_000 },
      shop: { quantity: -1, revenueFen: 0, costFen: -20_000 }
    })
  })

  it('handed back in the pick-up’s month, rejected in February: January stays as reported', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { credit, mark } = await claimedJob(app, adminToken)
    clock.advance(3 * 86_400_000)
    await credit(30_000, true)
    const reported = await monthsAgreeFromScratch(app)
    moveTo(clock, '2026-02-05T02:00:00.000Z')
    await mark('rejected', '人为损坏')
    const now = await monthsAgreeFromScratch(app)
    expect(now['2026-01']).toEqual(reported['2026-01'])
    expect(now['2026-02']).toEqual({ customer: NOTHING, brand: NOTHING, shop: NOTHING })
  })

  it('a shop upgraded after such a rejection: the step finds the credit and puts February back as reported', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    // The shop as it was before the step: no table of the credits' moves, none of its triggers.
    const ownTriggers = app.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%report_part_credit_claim_moves%'`)
      .pluck()
      .all() as string[]
    expect(ownTriggers.length).toBeGreaterThan(0)
    for (const name of ownTriggers) app.sqlite.exec(`DROP TRIGGER ${name}`)
    app.sqlite.exec('DROP TABLE report_part_credit_claim_moves')

    const { credit, mark } = await claimedJob(app, adminToken)
    moveTo(clock, '2026-02-10T02:00:00.000Z')
    await credit(10_000, false)
    moveTo(clock, '2026-03-05T02:00:00.000Z')
    await mark('rejected', '缺发票')
    const march = {
      customer: NOTHING,
      brand: { quantity: -1, revenueFen: -20_000, costFen: -20_000 },
      shop: { quantity: 1, revenueFen: 0, costFen: 20_000 }
    }
    expect(
      payers(
        await runReport(app.db, reportQuerySchema.parse({ report: 'parts', from: '2026-03-01', to: '2026-03-31' }))
      )
    ).not.toEqual(march)

    app.sqlite.transaction(() => {
      for (const statement of claimDecidedAfterCredit.statements) app.sqlite.exec(statement)
    })()
    const upgraded = await monthsAgreeFromScratch(app)
    expect(upgraded['2026-02']!.brand).toEqual({ quantity: 0, revenueFen: -10_000, costFen: 0 })
    expect(upgraded['2026-03']).toEqual(march)
  })
})
