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
 * counter sale the till picked them for; each step a minute after the one before.
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
    {
      lines: [{ partId: item.id, quantity: 1 }],
      tenders: [{ method: 'cash', amountFen: 3_000 }],
      customerId: customer.id
    },
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

  it('an erased customer keeps their jobs’ records and the sales picked for them, but none by the shared placeholder name', async () => {
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
      erased.sale.number,
      erased.note.number,
      erased.invoice.number
    ])
  })

  it('lists the counter sales picked for the customer and their refunds, never a namesake’s or a walk-in’s', async () => {
    const { app, staff } = shop()
    const mine = await customerWithHistory('王伟')
    const namesake = await customerWithHistory('王伟')
    const item = await shelfItem(app, staff.manager.token, 'CASE-NAMESAKE')
    const refund = await callOk(
      app,
      'counterSales.refund',
      {
        saleId: mine.sale.id,
        lines: [{ lineId: mine.sale.lines[0]!.id, quantity: 1, disposition: 'resellable' }],
        reason: '不合适',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    clock.advance(MINUTE)
    // A walk-in who gave the same name at the till: nobody's on record.
    const walkIn = await callOk(
      app,
      'counterSales.sell',
      {
        lines: [{ partId: item.id, quantity: 1 }],
        tenders: [{ method: 'cash', amountFen: 3_000 }],
        customerName: '王伟'
      },
      staff.frontDesk.token
    )
    const salesOn = async (customerId: string) => {
      const file = await callOk(app, 'customers.get', { id: customerId, history: true }, staff.frontDesk.token)
      return file.payments!.rows.filter((payment) => payment.counterSaleId !== null)
    }
    expect(
      (await salesOn(mine.customerId)).map(({ documentNumber, kind, matchedByName }) => [
        documentNumber,
        kind,
        matchedByName
      ])
    ).toEqual([
      [refund.number, 'refund', false],
      [mine.sale.number, 'payment', false]
    ])
    expect((await salesOn(namesake.customerId)).map((payment) => payment.documentNumber)).toEqual([
      namesake.sale.number
    ])
    expect(walkIn.customerId).toBeNull()
  })

  it('lists an older sale written to the name only for the one live customer of that name, marked so', async () => {
    const { app, staff } = shop()
    const alone = await customerWithHistory('上官婉儿')
    const first = await customerWithHistory('慕容复')
    const second = await customerWithHistory('慕容复')
    const olderSales = [
      olderNamedSale(app, '上官婉儿', 'INV-250101-0001'),
      olderNamedSale(app, '慕容复', 'INV-250101-0002')
    ]
    const namedSales = async (customerId: string) => {
      const file = await callOk(app, 'customers.get', { id: customerId, history: true }, staff.frontDesk.token)
      return file.payments!.rows.filter((payment) => payment.matchedByName).map((payment) => payment.documentNumber)
    }
    expect(await namedSales(alone.customerId)).toEqual([olderSales[0]])
    // Two customers of that name: the older sale could be either's, so it is on neither page.
    expect(await namedSales(first.customerId)).toEqual([])
    expect(await namedSales(second.customerId)).toEqual([])
    // Once the namesake is merged into the other record, the name tells for certain again.
    await callOk(app, 'customers.merge', { keepId: first.customerId, mergeId: second.customerId }, staff.manager.token)
    expect(await namedSales(first.customerId)).toEqual([olderSales[1]])
    // The merged duplicate's own picked sale stays on it and shows on the kept customer's page.
    const file = await callOk(app, 'customers.get', { id: first.customerId, history: true }, staff.frontDesk.token)
    expect(file.payments!.rows.map((payment) => payment.documentNumber)).toEqual(
      expect.arrayContaining([first.sale.number, second.sale.number])
    )
  })
})

/**
 * A counter sale as the till wrote it before it could pick a customer (migration 73 marked those
 * `customer_by_name`): the name typed, and its cash payment. Its number.
 */
function olderNamedSale(app: AppContext, name: string, number: string): string {
  const at = '2025-01-01T02:00:00.000Z'
  const saleId = `0190a000-0000-7000-8000-${number.slice(-4).padStart(12, '0')}`
  app.sqlite
    .prepare(
      `INSERT INTO counter_sales (id, number, kind, customer_name, customer_by_name, total_fen, issued_at)
       VALUES (?, ?, 'sale', ?, 1, 3000, ?)`
    )
    .run(saleId, number, name, at)
  app.sqlite
    .prepare(
      `INSERT INTO payments (id, kind, method, amount_fen, tendered_fen, change_fen, counter_sale_id, at)
       VALUES (?, 'payment', 'cash', 3000, 3000, 0, ?, ?)`
    )
    .run(saleId.replace('-8000-', '-9000-'), saleId, at)
  return number
}
