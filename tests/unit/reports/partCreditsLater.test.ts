import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { runReport } from '../../../src-main/features/reports/run'
import { reportQuerySchema } from '../../../src-shared/contract/reports'
import { callOk, createUserAndSignIn, freshShopPerTest, testClock, type TestClock } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { tableOf } from './fixtures'

const freshShop = freshShopPerTest()

/*
 * A screen (price 300, cost 200) is fitted on 23 January 2026 and the job is billed and picked
 * up that day. The customer hands it back at 00:30 on 1 February in Shanghai (16:30 UTC on 31
 * January): the return belongs to February. January, already reported, stays as it was; February
 * shows the return as a negative line. Each month is read whole (from the monthly sums) and broken
 * (from the lines), with and without a filter the sums cannot answer, and the summaries must say
 * what the facts say.
 */
const JANUARY = [
  { from: '2026-01-01', to: '2026-01-31' },
  { from: '2026-01-02', to: '2026-01-31' }
]
const FEBRUARY = [
  { from: '2026-02-01', to: '2026-02-28' },
  { from: '2026-02-01', to: '2026-02-27' }
]
const HALF_PAST_MIDNIGHT_ON_THE_FIRST = '2026-01-31T16:30:00.000Z'

type Report = Awaited<ReturnType<typeof runReport>>

async function partsReports(app: AppContext, ranges: { from: string; to: string }[]): Promise<Report[]> {
  const reports: Report[] = []
  for (const range of ranges) {
    for (const filter of [{}, { brand: '华为' }]) {
      const query = reportQuerySchema.parse({ report: 'parts', ...range, ...filter })
      const report = await runReport(app.db, query)
      expect(report).toEqual(await runReport(app.db, query, true))
      reports.push(report)
    }
  }
  return reports
}

const payerRow = (report: Report, payer: string) => tableOf(report, 'byPayer').find((row) => row.payer === payer)
const figures = (report: Report) => Object.fromEntries(report.figures.map((figure) => [figure.key, figure.value]))

/** A job with a screen, billed and (unless told) picked up on 23 January; its invoice's part line. */
async function screenJob(
  app: AppContext,
  token: string,
  serviceType: 'paid_repair' | 'warranty_repair',
  pickUp = true
) {
  const job = await finishedJob(app, token, { serviceType, labourFen: 5_000, partPriceFen: 30_000 })
  const invoice = await callOk(
    app,
    'checkout.pay',
    {
      workOrderId: job.id,
      ...(serviceType === 'paid_repair' ? { tenders: [{ method: 'cash' as const, amountFen: 35_000 }] } : {})
    },
    token
  )
  if (pickUp) await callOk(app, 'workOrders.pickup', { id: job.id, claimCode: job.claimCode, confirmed: true }, token)
  return { job, invoice, partLine: invoice.lines.find((line) => line.kind === 'part')! }
}

async function handBack(
  app: AppContext,
  token: string,
  clock: TestClock,
  invoiceId: string,
  lineId: string,
  disposition: 'resellable' | 'scrap'
) {
  // A week on, the counter signs in afresh.
  const manager = await createUserAndSignIn(app, token, 'manager')
  clock.advance(Date.parse(HALF_PAST_MIDNIGHT_ON_THE_FIRST) - clock.now().getTime())
  const { token: fresh } = await callOk(app, 'auth.signIn', {
    username: manager.user.username,
    password: manager.password
  })
  await callOk(
    app,
    'checkout.creditNote',
    {
      invoiceId,
      lines: [{ lineId, amountFen: 30_000, handedBack: { quantity: 1, disposition } }],
      reason: '配件退回',
      refundMethod: 'cash'
    },
    fresh
  )
}

describe('a part returned after its job was picked up', () => {
  it('is credited in the month it came back, 00:30 on the 1st in Shanghai being the new month; the month reported stays', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { invoice, partLine } = await screenJob(app, adminToken, 'paid_repair')
    const reported = await partsReports(app, JANUARY)
    for (const report of reported)
      expect(figures(report)).toMatchObject({ quantity: 1, revenueFen: 30_000, costFen: 20_000, marginFen: 10_000 })

    await handBack(app, adminToken, clock, invoice.id, partLine.id, 'resellable')

    expect(await partsReports(app, JANUARY)).toEqual(reported)
    for (const report of await partsReports(app, FEBRUARY)) {
      expect(figures(report)).toMatchObject({ quantity: -1, revenueFen: -30_000, costFen: -20_000, marginFen: -10_000 })
      expect(payerRow(report, 'customer')).toMatchObject({ quantity: -1, revenueFen: -30_000, costFen: -20_000 })
      expect(tableOf(report, 'byPart')).toEqual([expect.objectContaining({ name: '屏幕总成', quantity: -1 })])
      expect(tableOf(report, 'byCategory')).toEqual([expect.objectContaining({ quantity: -1, costFen: -20_000 })])
    }
    // Both months together: the return undoes the issue, as it always did.
    for (const report of await partsReports(app, [{ from: '2026-01-01', to: '2026-02-28' }]))
      expect(figures(report)).toMatchObject({ quantity: 0, revenueFen: 0, costFen: 0 })
  })

  it('scrapped on its return: the credit takes its price off but not its cost, which left stock for good', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { invoice, partLine } = await screenJob(app, adminToken, 'paid_repair')
    const reported = await partsReports(app, JANUARY)
    await handBack(app, adminToken, clock, invoice.id, partLine.id, 'scrap')
    expect(await partsReports(app, JANUARY)).toEqual(reported)
    for (const report of await partsReports(app, FEBRUARY))
      expect(figures(report)).toMatchObject({ quantity: -1, revenueFen: -30_000, costFen: 0, marginFen: -30_000 })
  })

  it('a 三包 part the brand paid comes off the brand’s row, and moves to the shop’s with it when HQ rejects the claim', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { invoice, partLine } = await screenJob(app, adminToken, 'warranty_repair')
    await handBack(app, adminToken, clock, invoice.id, partLine.id, 'resellable')
    for (const report of await partsReports(app, FEBRUARY)) {
      expect(figures(report)).toMatchObject({ brandFen: -30_000, shopCostFen: 0 })
      expect(payerRow(report, 'brand')).toMatchObject({ quantity: -1, revenueFen: -30_000, costFen: -20_000 })
      expect(payerRow(report, 'customer')).toMatchObject({ quantity: 0, revenueFen: 0, costFen: 0 })
    }
    app.sqlite.prepare(`UPDATE warranty_claims SET status = 'rejected' WHERE invoice_id = ?`).run(invoice.id)
    for (const report of await partsReports(app, FEBRUARY)) {
      expect(figures(report)).toMatchObject({ brandFen: 0, revenueFen: 0, shopCostFen: -20_000 })
      expect(payerRow(report, 'shop')).toMatchObject({ quantity: -1, revenueFen: 0, costFen: -20_000 })
    }
    for (const report of await partsReports(app, JANUARY))
      expect(payerRow(report, 'shop')).toMatchObject({ quantity: 1, revenueFen: 0, costFen: 20_000 })
  })

  it('handed back before the pick-up, it simply undoes the issue in the month it was issued', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { invoice, partLine } = await screenJob(app, adminToken, 'paid_repair', false)
    await handBack(app, adminToken, clock, invoice.id, partLine.id, 'resellable')
    for (const report of await partsReports(app, JANUARY))
      expect(figures(report)).toMatchObject({ quantity: 0, revenueFen: 0, costFen: 0 })
    for (const report of await partsReports(app, FEBRUARY)) expect(tableOf(report, 'byPart')).toEqual([])
  })
})
