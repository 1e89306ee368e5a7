import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk } from '../helpers'
import { openOrder, staffedShopPerFile } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'

const shop = staffedShopPerFile()

describe('the accepted quote is what is billed', () => {
  it('¥390 billed against an accepted ¥350 is refused until the customer accepts the new amount, which is recorded', async () => {
    const { app, adminToken, staff } = shop()
    const job = await finishedJob(app, adminToken, {
      serviceType: 'paid_repair',
      quotedLabourFen: 5_000,
      quotedPartsFen: 30_000,
      labourFen: 9_000,
      partPriceFen: 30_000
    })
    const draft = await callOk(app, 'checkout.draft', { workOrderId: job.id }, staff.frontDesk.token)
    expect(draft.acceptedQuote).toMatchObject({ totalFen: 35_000, labourFen: 5_000, partsFen: 30_000 })
    expect(draft.lines.reduce((sum, line) => sum + line.amountFen, 0)).toBe(39_000)

    const pay = { workOrderId: job.id, tenders: [{ method: 'cash' as const, amountFen: 39_000 }] }
    const refused = await callError(app, 'checkout.pay', pay, staff.frontDesk.token)
    expect(refused).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      messageKey: 'errors.billDiffersFromQuote',
      details: { acceptedFen: 35_000, billedFen: 39_000 }
    })
    // A yes to another amount than this bill's is no yes to this one.
    expect(
      await callError(
        app,
        'checkout.pay',
        { ...pay, newAmountAccepted: { billedFen: 38_000, channel: 'phone' } },
        staff.frontDesk.token
      )
    ).toMatchObject({ messageKey: 'errors.billDiffersFromQuote' })
    expect((await callOk(app, 'checkout.draft', { workOrderId: job.id }, staff.frontDesk.token)).invoiceId).toBeNull()

    const invoice = await callOk(
      app,
      'checkout.pay',
      { ...pay, newAmountAccepted: { billedFen: 39_000, channel: 'phone' } },
      staff.frontDesk.token
    )
    expect(invoice.totals.dueFen).toBe(39_000)
    const recorded = auditRows(app, 'checkout.newAmountAccepted').filter((row) => row.entityId === invoice.id)
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toMatchObject({ actorId: staff.frontDesk.user.id })
    expect(recorded[0]!.after).toEqual({
      acceptedFen: 35_000,
      billedFen: 39_000,
      channel: 'phone',
      managerId: null
    })
  })

  it('a manager at the counter may let a bill that differs from the quote stand, on record', async () => {
    const { app, adminToken, staff } = shop()
    const job = await finishedJob(app, adminToken, {
      serviceType: 'paid_repair',
      quotedLabourFen: 5_000,
      quotedPartsFen: 30_000,
      labourFen: 9_000,
      partPriceFen: 30_000
    })
    const invoice = await callOk(
      app,
      'checkout.pay',
      {
        workOrderId: job.id,
        tenders: [{ method: 'cash', amountFen: 39_000 }],
        managerApproval: { username: staff.manager.user.username, password: staff.manager.password }
      },
      staff.frontDesk.token
    )
    const recorded = auditRows(app, 'checkout.newAmountAccepted').filter((row) => row.entityId === invoice.id)
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toMatchObject({ actorId: staff.manager.user.id })
  })

  it('a bill that is the accepted quote needs nothing more', async () => {
    const { app, adminToken, staff } = shop()
    const job = await finishedJob(app, adminToken, { serviceType: 'paid_repair', quoteDiscountFen: 3_000 })
    const invoice = await callOk(
      app,
      'checkout.pay',
      { workOrderId: job.id, discountFen: 3_000, tenders: [{ method: 'cash', amountFen: 50_000 }] },
      staff.frontDesk.token
    )
    expect(invoice.totals.dueFen).toBe(50_000)
    expect(auditRows(app, 'checkout.newAmountAccepted').filter((row) => row.entityId === invoice.id)).toEqual([])
  })

  it('an accepted quote with no labour entered is billed the quoted labour, never a ¥0 receipt', async () => {
    const { app, adminToken, staff } = shop()
    const { id } = await openOrder(app, adminToken, { serviceType: 'paid_repair' })
    const move = (to: 'diagnosing' | 'repairing' | 'quality_check' | 'ready_for_pickup') =>
      callOk(app, 'workOrders.transition', { id, to }, adminToken)
    await move('diagnosing')
    await callOk(app, 'workOrders.quote', { id, labourFen: 12_000, partsFen: 0, discountFen: 0 }, adminToken)
    await callOk(app, 'workOrders.customerDecision', { id, approved: true, channel: 'in_person' }, adminToken)
    await move('repairing')
    await move('quality_check')
    await move('ready_for_pickup')

    const draft = await callOk(app, 'checkout.draft', { workOrderId: id }, staff.frontDesk.token)
    expect(draft.lines).toEqual([expect.objectContaining({ kind: 'labour', amountFen: 12_000, payer: 'customer' })])
    expect(draft.handOverNeedsCheckout).toBe(true)
    const invoice = await callOk(
      app,
      'checkout.pay',
      { workOrderId: id, tenders: [{ method: 'cash', amountFen: 12_000 }] },
      staff.frontDesk.token
    )
    expect(invoice.totals).toMatchObject({ linesFen: 12_000, dueFen: 12_000 })
    expect(invoice.lines).toHaveLength(1)
  })
})
