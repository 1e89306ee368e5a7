import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { callOk, freshShopPerTest, testClock } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { figureOf, tableOf } from './fixtures'

const freshShop = freshShopPerTest()

// Every part below is issued on 23 January 2026: the whole month is read from the monthly sums,
// a range that is not whole months from the lines themselves. Both must say the same.
const RANGES = [
  { from: '2026-01-01', to: '2026-01-31' },
  { from: '2026-01-02', to: '2026-01-30' }
]

async function partsReports(app: AppContext, token: string) {
  return Promise.all(RANGES.map((range) => callOk(app, 'reports.run', { report: 'parts', ...range }, token)))
}

const payerRow = (report: Awaited<ReturnType<typeof partsReports>>[number], payer: string) =>
  tableOf(report, 'byPayer').find((row) => row.payer === payer)

/** Labour 50 and a screen 300 (cost 200), 70 off the bill: the customer pays 280 of 350, in cash. */
async function discountedJobPaid(app: AppContext, adminToken: string) {
  const job = await finishedJob(app, adminToken, {
    serviceType: 'paid_repair',
    labourFen: 5_000,
    partPriceFen: 30_000,
    quoteDiscountFen: 7_000
  })
  return callOk(
    app,
    'checkout.pay',
    {
      workOrderId: job.id,
      discountFen: 7_000,
      discountReason: '老客户',
      tenders: [{ method: 'cash', amountFen: 28_000 }]
    },
    adminToken
  )
}

describe('the parts margin as the job was settled', () => {
  it('a discounted job: its part earns its share of what the customer paid, not its full price', async () => {
    const { app, adminToken } = await freshShop(testClock())
    const invoice = await discountedJobPaid(app, adminToken)
    expect(invoice.totals).toMatchObject({ customerLinesFen: 35_000, discountFen: 7_000, dueFen: 28_000 })
    for (const report of await partsReports(app, adminToken)) {
      // The screen's share of the discount is 300 x 70 / 350 = 60: it earned 240.
      expect(figureOf(report, 'revenueFen')).toBe(24_000)
      expect(figureOf(report, 'costFen')).toBe(20_000)
      expect(figureOf(report, 'marginFen')).toBe(4_000)
    }
  })

  it('a discounted job credited: the part earns what the customer kept paying for it', async () => {
    const { app, adminToken } = await freshShop(testClock())
    const invoice = await discountedJobPaid(app, adminToken)
    const partLine = invoice.lines.find((line) => line.kind === 'part')!
    // A goodwill credit of 100 off the screen's line: the customer gets back its paid share, 80.
    const note = await callOk(
      app,
      'checkout.creditNote',
      {
        invoiceId: invoice.id,
        lines: [{ lineId: partLine.id, amountFen: 10_000 }],
        reason: '屏幕划痕',
        refundMethod: 'cash'
      },
      adminToken
    )
    expect(note.paidFen).toBe(-8_000)
    for (const report of await partsReports(app, adminToken)) {
      // Paid 240 for the screen, 80 of it back: it earned 160.
      expect(figureOf(report, 'revenueFen')).toBe(16_000)
    }
  })

  it('a part handed back faulty or broken still cost the shop what left stock; a resellable one did not', async () => {
    const { app, adminToken } = await freshShop(testClock())
    const dispositions = ['scrap', 'faulty', 'resellable'] as const
    for (const disposition of dispositions) {
      const job = await finishedJob(app, adminToken, {
        serviceType: 'paid_repair',
        labourFen: 5_000,
        partPriceFen: 30_000
      })
      const invoice = await callOk(
        app,
        'checkout.pay',
        { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 35_000 }] },
        adminToken
      )
      const partLine = invoice.lines.find((line) => line.kind === 'part')!
      await callOk(
        app,
        'checkout.creditNote',
        {
          invoiceId: invoice.id,
          lines: [{ lineId: partLine.id, amountFen: 30_000, handedBack: { quantity: 1, disposition } }],
          reason: '配件退回',
          refundMethod: 'cash'
        },
        adminToken
      )
    }
    for (const report of await partsReports(app, adminToken)) {
      // Three screens (cost 200 each) handed back with their whole price given back: none earns,
      // the scrapped one and the one sent to the brand as faulty left the shelf for good.
      expect(figureOf(report, 'quantity')).toBe(0)
      expect(figureOf(report, 'revenueFen')).toBe(0)
      expect(figureOf(report, 'costFen')).toBe(40_000)
      expect(figureOf(report, 'marginFen')).toBe(-40_000)
      expect(payerRow(report, 'customer')).toMatchObject({ revenueFen: 0, costFen: 40_000 })
    }
  })

  it('a 三包 claim HQ rejected: its parts are the shop’s cost, not earned from the brand', async () => {
    const { app, adminToken } = await freshShop(testClock())
    const job = await finishedJob(app, adminToken, {
      serviceType: 'warranty_repair',
      labourFen: 5_000,
      partPriceFen: 30_000
    })
    const invoice = await callOk(app, 'checkout.pay', { workOrderId: job.id }, adminToken)
    expect(invoice.totals).toMatchObject({ brandFen: 35_000, customerLinesFen: 0 })
    for (const report of await partsReports(app, adminToken)) {
      expect(figureOf(report, 'brandFen')).toBe(30_000)
      expect(payerRow(report, 'brand')).toMatchObject({ quantity: 1, revenueFen: 30_000, costFen: 20_000 })
    }
    // HQ's decision arrives by the pull (checkout/claims/hqDecisions.ts): the claim's status says so.
    const decide = (status: string) =>
      app.sqlite.prepare('UPDATE warranty_claims SET status = ? WHERE work_order_id = ?').run(status, job.id)
    decide('rejected')
    for (const report of await partsReports(app, adminToken)) {
      expect(figureOf(report, 'revenueFen')).toBe(0)
      expect(figureOf(report, 'brandFen')).toBe(0)
      expect(figureOf(report, 'shopCostFen')).toBe(20_000)
      expect(payerRow(report, 'brand')).toMatchObject({ quantity: 0, revenueFen: 0, costFen: 0 })
      expect(payerRow(report, 'shop')).toMatchObject({ quantity: 1, revenueFen: 0, costFen: 20_000 })
    }
    // More information turned the rejection into an approval: the brand pays again.
    decide('submitted')
    for (const report of await partsReports(app, adminToken)) {
      expect(figureOf(report, 'brandFen')).toBe(30_000)
      expect(figureOf(report, 'shopCostFen')).toBe(0)
    }
  })
})
