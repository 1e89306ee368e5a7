import { describe, expect, it } from 'vitest'
import { ADMIN, callOk, freshShopPerTest, testClock } from '../helpers'
import { finishedJob, finishJob } from '../checkout/fixtures'
import { figureOf, tableOf } from './fixtures'

const DAY = 24 * 60 * 60 * 1000
const freshShop = freshShopPerTest()

/**
 * Through the counter: a paid repair (its screen ¥450, cost ¥200) collected, then back ten days
 * later and reopened free under the shop's own repair warranty, a new screen (¥300, cost ¥200)
 * fitted and billed to the shop. The day close says what the shop bore; the parts report counts
 * the free screen at its cost and nothing earned, the paid one at its price.
 */
describe('a free comeback through the counter, in the parts report', () => {
  it('earns nothing for the part the shop gave, as the day close says the shop bore it', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const paid = await finishedJob(app, adminToken, { serviceType: 'paid_repair' })
    await callOk(
      app,
      'checkout.pay',
      { workOrderId: paid.id, tenders: [{ method: 'cash', amountFen: 53_000 }] },
      adminToken
    )
    await callOk(app, 'workOrders.pickup', { id: paid.id, claimCode: paid.claimCode, confirmed: true }, adminToken)
    clock.advance(10 * DAY)
    const token = (await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).token
    const { workOrder } = await callOk(app, 'workOrders.reopen', { id: paid.id, reason: '屏幕又花屏' }, token)
    const comeback = await finishJob(app, token, workOrder.id, {
      serviceType: 'shop_warranty_repair',
      labourFen: 5_000,
      partPriceFen: 30_000
    })
    const invoice = await callOk(app, 'checkout.pay', { workOrderId: comeback.id }, token)
    expect(invoice.totals).toMatchObject({ shopFen: 35_000, customerLinesFen: 0 })

    const report = await callOk(app, 'reports.run', { report: 'parts', from: '2026-01-01', to: '2026-02-28' }, token)
    expect(tableOf(report, 'byPayer')).toEqual([
      { payer: 'customer', quantity: 1, revenueFen: 45_000, costFen: 20_000, marginFen: 25_000, marginRate: 25 / 45 },
      { payer: 'brand', quantity: 0, revenueFen: 0, costFen: 0, marginFen: 0, marginRate: null },
      { payer: 'shop', quantity: 1, revenueFen: 0, costFen: 20_000, marginFen: -20_000, marginRate: null }
    ])
    expect(figureOf(report, 'marginFen')).toBe(5_000)
    const close = await callOk(app, 'dayClose.preview', {}, token)
    expect(close.shopWarrantyFen).toBe(35_000)
  })
})
