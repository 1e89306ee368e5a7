import { describe, expect, it } from 'vitest'
import { callError, callOk, countRows } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'

const shop = staffedShopPerFile()

describe('the customer pays the bill the counter showed them', () => {
  it('labour added while the counter takes the money refuses the payment, changes nothing, and the bill shown again is taken', async () => {
    const { app, adminToken, staff } = shop()
    const job = await finishedJob(app, adminToken, {
      serviceType: 'paid_repair',
      labourFen: 8_000,
      partPriceFen: 45_000
    })
    const draft = await callOk(app, 'checkout.draft', { workOrderId: job.id }, staff.manager.token)
    const shownFen = draft.lines.reduce((sum, line) => sum + line.amountFen, 0)
    expect(shownFen).toBe(53_000)

    // The technician adds a rush fee while the manager at the counter takes ¥600 in cash for ¥530.
    // (Had the customer handed over exactly ¥530, the answer would still be the changed bill.)
    await callOk(
      app,
      'workOrders.addLabour',
      { id: job.id, description: '加急', minutes: 10, priceFen: 5_000 },
      adminToken
    )
    const before = {
      invoices: countRows(app, 'invoices'),
      payments: countRows(app, 'payments'),
      outbox: countRows(app, 'outbox')
    }
    const pay = {
      workOrderId: job.id,
      tenders: [{ method: 'cash' as const, amountFen: 60_000 }],
      expectedBilledFen: shownFen
    }
    expect(await callError(app, 'checkout.pay', pay, staff.manager.token)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.billChanged',
      details: { billedFen: 58_000, billedYuan: '580.00' }
    })
    expect({
      invoices: countRows(app, 'invoices'),
      payments: countRows(app, 'payments'),
      outbox: countRows(app, 'outbox')
    }).toEqual(before)

    // Shown the new bill, the customer pays it (a manager's word stands for the new amount).
    const invoice = await callOk(app, 'checkout.pay', { ...pay, expectedBilledFen: 58_000 }, staff.manager.token)
    expect([invoice.totals.dueFen, invoice.changeFen]).toEqual([58_000, 2_000])
  })
})
