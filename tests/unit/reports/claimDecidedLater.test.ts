import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { runReport } from '../../../src-main/features/reports/run'
import { applyClaimDecisions } from '../../../src-main/features/checkout/claims/hqDecisions'
import { reportQuerySchema } from '../../../src-shared/contract/reports'
import { callOk, createUserAndSignIn, freshShopPerTest, testClock, type TestClock } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { tableOf } from './fixtures'

const freshShop = freshShopPerTest()

/*
 * A 三包 job with a screen (price 300, cost 200) is billed and picked up on 23 January 2026: the
 * brand owes the screen, January's parts report shows it in the brand's column. The brand's answer
 * comes in February or March. January, already reported, stays as it was; the month of the answer
 * holds the pair of lines moving the screen between the brand's column and the shop's. Each month
 * is read whole (from the monthly sums) and broken (from the lines), unfiltered and within one
 * category, and the summaries must say what the facts say.
 */
const JANUARY = [
  { from: '2026-01-01', to: '2026-01-31' },
  { from: '2026-01-02', to: '2026-01-31' }
]
const FEBRUARY = [
  { from: '2026-02-01', to: '2026-02-28' },
  { from: '2026-02-01', to: '2026-02-27' }
]
const MARCH = [
  { from: '2026-03-01', to: '2026-03-31' },
  { from: '2026-03-02', to: '2026-03-31' }
]
const DAY = 86_400_000

type Report = Awaited<ReturnType<typeof runReport>>

/** The job's technician: a filter the sums within one technician answer. */
const technicianOf = (app: AppContext) =>
  app.sqlite.prepare('SELECT technician_id FROM report_jobs WHERE technician_id IS NOT NULL').pluck().get() as string

async function partsReports(app: AppContext, ranges: { from: string; to: string }[]): Promise<Report[]> {
  const reports: Report[] = []
  for (const range of ranges) {
    for (const filter of [{}, { brand: '华为' }, { technicianId: technicianOf(app) }]) {
      const query = reportQuerySchema.parse({ report: 'parts', ...range, ...filter })
      const report = await runReport(app.db, query)
      expect(report).toEqual(await runReport(app.db, query, true))
      reports.push(report)
    }
  }
  return reports
}

const payers = (report: Report) =>
  Object.fromEntries(
    tableOf(report, 'byPayer').map((row) => [
      row.payer,
      { quantity: row.quantity, revenueFen: row.revenueFen, costFen: row.costFen }
    ])
  )
const totals = (report: Report) =>
  Object.fromEntries(
    report.figures.filter((f) => ['quantity', 'revenueFen', 'costFen'].includes(f.key)).map((f) => [f.key, f.value])
  )

const BRAND_PAYS = {
  customer: { quantity: 0, revenueFen: 0, costFen: 0 },
  brand: { quantity: 1, revenueFen: 30_000, costFen: 20_000 },
  shop: { quantity: 0, revenueFen: 0, costFen: 0 }
}
const SHOP_BEARS = {
  customer: { quantity: 0, revenueFen: 0, costFen: 0 },
  brand: { quantity: 0, revenueFen: 0, costFen: 0 },
  shop: { quantity: 1, revenueFen: 0, costFen: 20_000 }
}
/** The month of a rejection after the pick-up's: the screen off the brand's column, onto the shop's. */
const MOVED_TO_SHOP = {
  customer: { quantity: 0, revenueFen: 0, costFen: 0 },
  brand: { quantity: -1, revenueFen: -30_000, costFen: -20_000 },
  shop: { quantity: 1, revenueFen: 0, costFen: 20_000 }
}
const MOVED_TO_BRAND = {
  customer: { quantity: 0, revenueFen: 0, costFen: 0 },
  brand: { quantity: 1, revenueFen: 30_000, costFen: 20_000 },
  shop: { quantity: -1, revenueFen: 0, costFen: -20_000 }
}

/**
 * A warranty job with a screen, billed (its claim raised on the brand) and picked up on 23 January;
 * and the manager who records the brand's answers, signing in afresh when they come.
 */
async function claimedJob(app: AppContext, token: string) {
  const job = await finishedJob(app, token, { serviceType: 'warranty_repair', labourFen: 5_000, partPriceFen: 30_000 })
  await callOk(app, 'checkout.pay', { workOrderId: job.id }, token)
  await callOk(app, 'workOrders.pickup', { id: job.id, claimCode: job.claimCode, confirmed: true }, token)
  const claims = await callOk(app, 'checkout.claims', { workOrderId: job.id }, token)
  const manager = await createUserAndSignIn(app, token, 'manager')
  const mark = async (step: 'rejected' | 'submitted', note: string) => {
    const { username } = manager.user
    const { token: fresh } = await callOk(app, 'auth.signIn', { username, password: manager.password })
    return callOk(app, 'checkout.markClaim', { claimId: claims.rows[0]!.id, step, note }, fresh)
  }
  return { claim: claims.rows[0]!, mark }
}

/** The clock on to `at` (UTC), when the brand's answer comes. */
const moveTo = (clock: TestClock, at: string) => clock.advance(Date.parse(at) - clock.now().getTime())

describe('a claim the brand answers after the month of the pick-up', () => {
  it('rejected in February: January stays as reported, February holds the pair of lines moving the part to the shop', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { mark } = await claimedJob(app, adminToken)
    const reported = await partsReports(app, JANUARY)
    for (const report of reported) expect(payers(report)).toEqual(BRAND_PAYS)

    // 00:30 on 1 February in Shanghai: February's.
    moveTo(clock, '2026-01-31T16:30:00.000Z')
    await mark('rejected', '进液')

    expect(await partsReports(app, JANUARY)).toEqual(reported)
    for (const report of await partsReports(app, FEBRUARY)) {
      expect(payers(report)).toEqual(MOVED_TO_SHOP)
      // The screen stayed fitted: nothing more used or spent, 300 fewer earned.
      expect(totals(report)).toEqual({ quantity: 0, revenueFen: -30_000, costFen: 0 })
      expect(tableOf(report, 'byPart')).toEqual([expect.objectContaining({ name: '屏幕总成', quantity: 0 })])
    }
    // Both months together: the shop bears the screen, as it always did.
    for (const report of await partsReports(app, [{ from: '2026-01-01', to: '2026-02-28' }]))
      expect(payers(report)).toEqual(SHOP_BEARS)
  })

  it('filed again in March after that rejection: March moves the part back to the brand, January and February stay', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { mark } = await claimedJob(app, adminToken)
    const january = await partsReports(app, JANUARY)
    clock.advance(10 * DAY)
    await mark('rejected', '缺发票')
    const february = await partsReports(app, FEBRUARY)

    moveTo(clock, '2026-03-02T02:00:00.000Z')
    await mark('submitted', '补发票')

    expect(await partsReports(app, JANUARY)).toEqual(january)
    expect(await partsReports(app, FEBRUARY)).toEqual(february)
    for (const report of await partsReports(app, MARCH)) expect(payers(report)).toEqual(MOVED_TO_BRAND)
    for (const report of await partsReports(app, [{ from: '2026-01-01', to: '2026-03-31' }]))
      expect(payers(report)).toEqual(BRAND_PAYS)
  })

  it('rejected in the month of the pick-up: the part moves in the month it was issued, as before', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { mark } = await claimedJob(app, adminToken)
    clock.advance(3 * DAY)
    await mark('rejected', '人为损坏')
    for (const report of await partsReports(app, JANUARY)) expect(payers(report)).toEqual(SHOP_BEARS)
    for (const report of await partsReports(app, FEBRUARY)) expect(tableOf(report, 'byPart')).toEqual([])
  })

  it('rejected by HQ: its decision counts in the month the shop received it', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const { claim } = await claimedJob(app, adminToken)
    const reported = await partsReports(app, JANUARY)
    // HQ decided on 31 January; the shop pulled it on 3 February, after January was reported.
    moveTo(clock, '2026-02-03T01:00:00.000Z')
    const decision = {
      claimId: claim.id,
      status: 'rejected' as const,
      reason: '超出保修期',
      approvedFen: 0,
      decidedAt: '2026-01-31T09:00:00.000Z',
      paidFen: null,
      paidReference: '',
      paidAt: null
    }
    app.sqlite.transaction(() =>
      applyClaimDecisions({ sqlite: app.sqlite, at: clock.now() }, [
        { operation: 'upsert', key: claim.id, row: decision }
      ])
    )()
    expect(await partsReports(app, JANUARY)).toEqual(reported)
    for (const report of await partsReports(app, FEBRUARY)) expect(payers(report)).toEqual(MOVED_TO_SHOP)
  })
})
