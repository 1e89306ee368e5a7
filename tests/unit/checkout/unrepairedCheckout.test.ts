import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { callOk } from '../helpers'
import { intake, staffedShopPerFile } from '../workOrders/fixtures'

const shop = staffedShopPerFile()

/**
 * A paid job whose customer accepted a ¥530 quote (¥80 labour, ¥450 parts) and left a ¥50
 * deposit, then waited for a part; `diagnosisFen` of labour entered while it was diagnosed.
 */
async function quotedJobWaitingForParts(app: AppContext, adminToken: string, token: string, diagnosisFen = 0) {
  const created = await callOk(
    app,
    'workOrders.create',
    intake({ serviceType: 'paid_repair', depositFen: 5_000, depositMethod: 'cash' }),
    token
  )
  const id = created.workOrder.id
  await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, adminToken)
  if (diagnosisFen > 0)
    await callOk(
      app,
      'workOrders.addLabour',
      { id, description: '检测', minutes: 20, priceFen: diagnosisFen },
      adminToken
    )
  await callOk(app, 'workOrders.quote', { id, labourFen: 8_000, partsFen: 45_000, discountFen: 2_000 }, adminToken)
  await callOk(app, 'workOrders.customerDecision', { id, approved: true, channel: 'in_person' }, adminToken)
  await callOk(app, 'workOrders.transition', { id, to: 'awaiting_parts' }, adminToken)
  return { id, claimCode: created.claimCode, mobile: created.workOrder.customer.mobile! }
}

describe('a job that leaves unrepaired', () => {
  it('returned unrepaired after its quote was accepted bills none of the quote: the deposit goes back whole', async () => {
    const { app, adminToken, staff } = shop()
    const job = await quotedJobWaitingForParts(app, adminToken, staff.frontDesk.token)
    await callOk(
      app,
      'workOrders.transition',
      { id: job.id, to: 'returned_unrepaired', reason: '配件缺货' },
      adminToken
    )

    const draft = await callOk(app, 'checkout.draft', { workOrderId: job.id }, staff.frontDesk.token)
    // The quoted repair was never done: no quoted labour, no quote discount, no quote to bill against.
    expect(draft).toMatchObject({ lines: [], depositFen: 5_000, quoteDiscountFen: 0, acceptedQuote: null })
    const invoice = await callOk(app, 'checkout.pay', { workOrderId: job.id }, staff.frontDesk.token)
    expect(invoice.totals).toMatchObject({ linesFen: 0, dueFen: 0, depositAppliedFen: 0, depositReturnedFen: 5_000 })
    expect(invoice.payments.map((payment) => [payment.kind, payment.method, payment.amountFen])).toEqual([
      ['deposit_return', 'cash', -5_000]
    ])
    const handedOver = await callOk(
      app,
      'workOrders.pickup',
      { id: job.id, claimCode: '', phone: job.mobile, confirmed: true },
      staff.frontDesk.token
    )
    expect(handedOver.pickedUpAt).not.toBeNull()
  })

  it('returned unrepaired, it bills the labour really entered, at the counter’s word alone', async () => {
    const { app, adminToken, staff } = shop()
    const job = await quotedJobWaitingForParts(app, adminToken, staff.frontDesk.token, 3_000)
    await callOk(
      app,
      'workOrders.transition',
      { id: job.id, to: 'returned_unrepaired', reason: '配件缺货' },
      adminToken
    )

    const draft = await callOk(app, 'checkout.draft', { workOrderId: job.id }, staff.frontDesk.token)
    expect(draft.lines.map((line) => [line.kind, line.amountFen])).toEqual([['labour', 3_000]])
    // Not the ¥530 repair the customer said yes to, and no manager needed to bill less than it.
    const invoice = await callOk(app, 'checkout.pay', { workOrderId: job.id }, staff.frontDesk.token)
    expect(invoice.totals).toMatchObject({
      linesFen: 3_000,
      depositAppliedFen: 3_000,
      dueFen: 0,
      depositReturnedFen: 2_000
    })
  })

  it('a cancelled job owes nothing: its device goes back without a checkout, even with diagnosis labour on it', async () => {
    const { app, adminToken, staff } = shop()
    const job = await quotedJobWaitingForParts(app, adminToken, staff.frontDesk.token, 3_000)
    await callOk(
      app,
      'workOrders.transition',
      { id: job.id, to: 'cancelled', reason: '客户不修了' },
      staff.frontDesk.token
    )

    const draft = await callOk(app, 'checkout.draft', { workOrderId: job.id }, staff.frontDesk.token)
    expect(draft).toMatchObject({ depositFen: 0, handOverNeedsCheckout: false, acceptedQuote: null })
    const handedOver = await callOk(
      app,
      'workOrders.pickup',
      { id: job.id, claimCode: job.claimCode, confirmed: true },
      staff.frontDesk.token
    )
    expect(handedOver).toMatchObject({ status: 'cancelled' })
    expect(handedOver.pickedUpAt).not.toBeNull()
    const unpaid = app.sqlite.prepare('SELECT COUNT(*) AS n FROM unpaid_hand_overs WHERE work_order_id = ?').get(job.id)
    expect(unpaid).toEqual({ n: 0 })
    // The deposit went back once, when it was cancelled.
    const deposits = app.sqlite
      .prepare('SELECT kind, amount_fen FROM payments WHERE work_order_id = ? ORDER BY kind')
      .all(job.id)
    expect(deposits).toEqual([
      { kind: 'deposit', amount_fen: 5_000 },
      { kind: 'deposit_return', amount_fen: -5_000 }
    ])
  })
})
