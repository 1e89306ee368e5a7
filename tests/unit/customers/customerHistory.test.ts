import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { ERASED_CUSTOMER_NAME } from '../../../src-shared/domain/erasedCustomer'
import { callOk, MINUTE, testClock } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { staffedShopPerFile, uniqueMobile } from '../workOrders/fixtures'

const clock = testClock()
const shop = staffedShopPerFile(clock)
const warm = { attitude: 90, speed: 90, quality: 90, price: 90 }

/** A shelf part to sell over the counter. */
async function shelfItem(app: AppContext, token: string, partNumber: string) {
  const part = await callOk(
    app,
    'parts.create',
    { partNumber, name: `配件 ${partNumber}`, barcodes: [], sellingPriceFen: 3_000, costPriceFen: 1_000 },
    token
  )
  await callOk(
    app,
    'parts.receive',
    { reference: 'PO-1', lines: [{ partId: part.id, quantity: 5, unitCostFen: 1_000 }] },
    token
  )
  return part
}

/**
 * A customer's paid repair picked up, called and complained about, with a refund on it, and a
 * counter sale written to their name; each step a minute after the one before.
 */
async function customerWithHistory(name: string) {
  const { app, adminToken, staff } = shop()
  const step = () => clock.advance(MINUTE)
  const job = await finishedJob(app, adminToken, {
    serviceType: 'paid_repair',
    labourFen: 10_000,
    partPriceFen: 20_000,
    intake: { customer: { kind: 'new', fields: { name, mobile: uniqueMobile() } } }
  })
  const { customer } = await callOk(app, 'workOrders.get', { id: job.id }, adminToken)
  step()
  const invoice = await callOk(
    app,
    'checkout.pay',
    { workOrderId: job.id, tenders: [{ method: 'wechat_pay', amountFen: 30_000 }] },
    staff.frontDesk.token
  )
  step()
  await callOk(
    app,
    'workOrders.pickup',
    { id: job.id, claimCode: job.claimCode, confirmed: true },
    staff.frontDesk.token
  )
  step()
  const followUp = (await callOk(app, 'customerContact.followUps', { status: 'all' }, staff.frontDesk.token)).rows.find(
    (row) => row.workOrderId === job.id
  )!
  await callOk(
    app,
    'customerContact.recordCall',
    { followUpId: followUp.id, reached: true, scores: warm, comment: '', complaint: '' },
    staff.frontDesk.token
  )
  step()
  const complaint = await callOk(
    app,
    'customerContact.openComplaint',
    { workOrderId: job.id, description: '屏幕又有亮点' },
    staff.frontDesk.token
  )
  step()
  await callOk(
    app,
    'customerContact.moveComplaint',
    { complaintId: complaint.id, to: 'handling', note: '约顾客来店检查' },
    staff.manager.token
  )
  step()
  const labourLine = invoice.lines.find((line) => line.kind === 'labour')!
  const note = await callOk(
    app,
    'checkout.creditNote',
    {
      invoiceId: invoice.id,
      lines: [{ lineId: labourLine.id, amountFen: 4_000 }],
      reason: '工时多收',
      refundMethod: 'cash'
    },
    staff.manager.token
  )
  step()
  const item = await shelfItem(app, adminToken, `CASE-${job.number}`)
  const sale = await callOk(
    app,
    'counterSales.sell',
    { lines: [{ partId: item.id, quantity: 1 }], tenders: [{ method: 'cash', amountFen: 3_000 }], customerName: name },
    staff.frontDesk.token
  )
  step()
  return { customerId: customer.id, job, invoice, note, sale, complaint, followUp }
}

describe("the customer's file: complaints, follow-up calls and payments", () => {
  it('lists each newest first, in the terms of the pages that list them, and nobody else’s', async () => {
    const { app, staff } = shop()
    const mine = await customerWithHistory('欧阳娜娜')
    await customerWithHistory('司马懿')
    const file = await callOk(app, 'customers.get', { id: mine.customerId, history: true }, staff.frontDesk.token)

    expect(file.complaints).toEqual({
      rows: [
        expect.objectContaining({
          id: mine.complaint.id,
          number: mine.complaint.number,
          workOrderId: mine.job.id,
          workOrderNumber: mine.job.number,
          source: 'counter',
          status: 'handling',
          average: null,
          handledByName: staff.manager.user.displayName
        })
      ],
      more: false
    })
    expect(file.followUps?.rows).toEqual([
      expect.objectContaining({
        id: mine.followUp.id,
        workOrderNumber: mine.job.number,
        reached: true,
        average: 90,
        calledByName: staff.frontDesk.user.displayName
      })
    ])
    // Newest first: the counter sale, the refund of the credit note, the repair's payment.
    expect(
      file.payments?.rows.map(({ kind, method, amountFen, documentNumber, workOrderNumber }) => ({
        kind,
        method,
        amountFen,
        documentNumber,
        workOrderNumber
      }))
    ).toEqual([
      { kind: 'payment', method: 'cash', amountFen: 3_000, documentNumber: mine.sale.number, workOrderNumber: null },
      {
        kind: 'refund',
        method: 'cash',
        amountFen: -4_000,
        documentNumber: mine.note.number,
        workOrderNumber: mine.job.number
      },
      {
        kind: 'payment',
        method: 'wechat_pay',
        amountFen: 30_000,
        documentNumber: mine.invoice.number,
        workOrderNumber: mine.job.number
      }
    ])
    expect(file.payments?.more).toBe(false)
  })

  it('shows a technician the file without the payments, complaints and calls their role may not see', async () => {
    const { app, staff } = shop()
    const mine = await customerWithHistory('诸葛亮')
    const file = await callOk(app, 'customers.get', { id: mine.customerId, history: true }, staff.techA.token)
    expect(file.workOrders.map((order) => order.id)).toEqual([mine.job.id])
    expect({ complaints: file.complaints, followUps: file.followUps, payments: file.payments }).toEqual({
      complaints: null,
      followUps: null,
      payments: null
    })
  })

  it('leaves the lists out unless asked for them (the intake reads the file for its devices)', async () => {
    const { app, staff } = shop()
    const mine = await customerWithHistory('黄月英')
    const file = await callOk(app, 'customers.get', { id: mine.customerId }, staff.manager.token)
    expect([file.complaints, file.followUps, file.payments]).toEqual([null, null, null])
  })

  it('keeps the newest 20 of each and says more are older', async () => {
    const { app, staff } = shop()
    const mine = await customerWithHistory('孙尚香')
    const numbers: string[] = [mine.complaint.number]
    for (let index = 0; index < 20; index++) {
      clock.advance(MINUTE)
      const complaint = await callOk(
        app,
        'customerContact.openComplaint',
        { workOrderId: mine.job.id, description: `第${index + 1}次投诉` },
        staff.frontDesk.token
      )
      numbers.unshift(complaint.number)
    }
    const file = await callOk(app, 'customers.get', { id: mine.customerId, history: true }, staff.manager.token)
    expect(file.complaints?.rows.map((complaint) => complaint.number)).toEqual(numbers.slice(0, 20))
    expect(file.complaints?.more).toBe(true)
    expect(file.followUps?.more).toBe(false)
  })

  it('an erased customer keeps their jobs’ records, but no counter sale is theirs by the shared placeholder name', async () => {
    const { app, staff } = shop()
    const erased = await customerWithHistory('刘备')
    const other = await customerWithHistory('关羽')
    await callOk(app, 'customers.erase', { id: erased.customerId }, staff.manager.token)
    await callOk(app, 'customers.erase', { id: other.customerId }, staff.manager.token)
    // A sale the till wrote to the words every erased customer is now named by is none of theirs.
    const item = await shelfItem(app, staff.manager.token, 'CASE-ERASED')
    await callOk(
      app,
      'counterSales.sell',
      {
        lines: [{ partId: item.id, quantity: 1 }],
        tenders: [{ method: 'cash', amountFen: 3_000 }],
        customerName: ERASED_CUSTOMER_NAME
      },
      staff.frontDesk.token
    )
    const file = await callOk(app, 'customers.get', { id: erased.customerId, history: true }, staff.frontDesk.token)
    expect(file.complaints?.rows.map((complaint) => complaint.id)).toEqual([erased.complaint.id])
    expect(file.followUps?.rows.map((call) => call.id)).toEqual([erased.followUp.id])
    expect(file.payments?.rows.map((payment) => payment.documentNumber)).toEqual([
      erased.note.number,
      erased.invoice.number
    ])
  })
})
