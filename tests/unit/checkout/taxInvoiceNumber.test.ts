import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'

const shop = staffedShopPerFile()

describe('the number of a tax invoice issued elsewhere', () => {
  it('the cashier records it on the payment receipt; a correction is kept beside the first', async () => {
    const { app, adminToken, staff, clock } = shop()
    const job = await finishedJob(app, adminToken, { serviceType: 'paid_repair' })
    const receipt = await callOk(
      app,
      'checkout.pay',
      { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 53_000 }] },
      staff.frontDesk.token
    )
    expect(receipt.taxInvoiceNumber).toBeNull()

    const recorded = await callOk(
      app,
      'checkout.recordTaxInvoice',
      { invoiceId: receipt.id, taxInvoiceNumber: '04400123' },
      staff.frontDesk.token
    )
    expect(recorded.taxInvoiceNumber).toBe('04400123')
    clock.advance(60_000)
    await callOk(
      app,
      'checkout.recordTaxInvoice',
      { invoiceId: receipt.id, taxInvoiceNumber: '04400124' },
      staff.frontDesk.token
    )
    expect((await callOk(app, 'checkout.get', { id: receipt.id }, staff.frontDesk.token)).taxInvoiceNumber).toBe(
      '04400124'
    )
    const audit = auditRows(app, 'checkout.recordTaxInvoice').filter((row) => row.entityId === receipt.id)
    expect(audit.map((row) => row.after)).toEqual([{ taxInvoiceNumber: '04400123' }, { taxInvoiceNumber: '04400124' }])
    expect(audit[1]!.before).toEqual({ taxInvoiceNumber: '04400123' })

    // A refund note is not what a tax invoice is issued for.
    const note = await callOk(
      app,
      'checkout.creditNote',
      {
        invoiceId: receipt.id,
        lines: [{ lineId: receipt.lines[0]!.id, amountFen: 1_000 }],
        reason: '工时多收',
        refundMethod: 'cash'
      },
      adminToken
    )
    expect(
      await callError(
        app,
        'checkout.recordTaxInvoice',
        { invoiceId: note.id, taxInvoiceNumber: '04400125' },
        staff.frontDesk.token
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.taxInvoiceOnReceiptOnly' })
  })
})
