import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { callError, callOk } from '../helpers'
import { staffedShopPerFile, uniqueMobile } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'
import { tableCounts } from '../parts/fixtures'

const shop = staffedShopPerFile()

/** An accessory on the shelf: `onHand` received at cost, sold at `priceFen`. */
async function shelfItem(app: AppContext, token: string, partNumber: string, priceFen: number, onHand: number) {
  const part = await callOk(
    app,
    'parts.create',
    {
      partNumber,
      name: `配件 ${partNumber}`,
      barcodes: [],
      sellingPriceFen: priceFen,
      // A part given free on jobs is priced ¥0 on purpose; over the counter it is still refused.
      zeroPriceConfirmed: priceFen === 0,
      costPriceFen: 1_000
    },
    token
  )
  await callOk(
    app,
    'parts.receive',
    { reference: 'PO-1', lines: [{ partId: part.id, quantity: onHand, unitCostFen: 1_000 }] },
    token
  )
  return part
}

function onHand(app: AppContext, partId: string): number {
  return (app.sqlite.prepare('SELECT on_hand AS n FROM parts WHERE id = ?').get(partId) as { n: number }).n
}

function movements(app: AppContext, reference: string) {
  return app.sqlite
    .prepare('SELECT kind, quantity, part_id AS partId FROM stock_movements WHERE reference = ? ORDER BY seq')
    .all(reference)
}

describe('counter sale', () => {
  it('sells goods without a repair: the stock leaves through the ledger, the till takes the money, the audit says so', async () => {
    const { app, staff, adminToken } = shop()
    const charger = await shelfItem(app, adminToken, 'CHG-20W', 6_900, 5)
    const film = await shelfItem(app, adminToken, 'FILM-01', 2_500, 3)
    const sale = await callOk(
      app,
      'counterSales.sell',
      {
        lines: [
          { partId: charger.id, quantity: 2 },
          { partId: film.id, quantity: 1 }
        ],
        tenders: [
          { method: 'wechat_pay', amountFen: 5_000 },
          { method: 'cash', amountFen: 12_000 }
        ]
      },
      staff.frontDesk.token
    )
    expect(sale).toMatchObject({ kind: 'sale', totalFen: 16_300, paidFen: 16_300, tenderedFen: 17_000, changeFen: 700 })
    expect(sale.number).toMatch(/^INV-\d{6}-\d{4}$/)
    expect(sale.lines.map((line) => [line.partNumber, line.quantity, line.unitPriceFen, line.amountFen])).toEqual([
      ['CHG-20W', 2, 6_900, 13_800],
      ['FILM-01', 1, 2_500, 2_500]
    ])
    expect(movements(app, sale.number)).toEqual([
      { kind: 'issue', quantity: -2, partId: charger.id },
      { kind: 'issue', quantity: -1, partId: film.id }
    ])
    expect([onHand(app, charger.id), onHand(app, film.id)]).toEqual([3, 2])
    expect((await callOk(app, 'parts.verifyLedger', {}, staff.manager.token)).mismatches).toEqual([])
    const audit = await callOk(app, 'audit.list', { action: 'counterSales.sell' }, staff.manager.token)
    expect(audit.rows.map((entry) => entry.entityId)).toContain(sale.id)
    expect((await callOk(app, 'counterSales.get', { number: sale.number }, staff.frontDesk.token)).id).toBe(sale.id)
    // The counter prints its receipt; the print is counted like any document's.
    const printed = await callOk(
      app,
      'printing.print',
      { documentType: 'counter_receipt', entityId: sale.id },
      staff.frontDesk.token
    )
    expect(printed).toEqual({ mode: 'browser', printNumber: 1 })
  })

  it('shares one receipt number sequence with the repairs, and one day close', async () => {
    const { app, staff, adminToken } = shop()
    await callOk(
      app,
      'dayClose.close',
      { countedCashFen: (await callOk(app, 'dayClose.preview', {}, staff.manager.token)).expectedCashFen },
      staff.manager.token
    )
    const item = await shelfItem(app, adminToken, 'CASE-9', 3_000, 4)
    const sale = await callOk(
      app,
      'counterSales.sell',
      { lines: [{ partId: item.id, quantity: 1 }], tenders: [{ method: 'cash', amountFen: 3_000 }] },
      staff.frontDesk.token
    )
    const job = await finishedJob(app, adminToken, {
      serviceType: 'paid_repair',
      labourFen: 5_000,
      partPriceFen: 10_000
    })
    const invoice = await callOk(
      app,
      'checkout.pay',
      { workOrderId: job.id, tenders: [{ method: 'bank_card', amountFen: 15_000 }] },
      staff.frontDesk.token
    )
    const serial = (number: string) => Number(number.slice(-4))
    expect(invoice.number.slice(0, 11)).toBe(sale.number.slice(0, 11))
    expect(serial(invoice.number)).toBe(serial(sale.number) + 1)

    const refund = await callOk(
      app,
      'counterSales.refund',
      {
        saleId: sale.id,
        lines: [{ lineId: sale.lines[0]!.id, quantity: 1, disposition: 'resellable' }],
        reason: '颜色不合适',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    const preview = await callOk(app, 'dayClose.preview', {}, staff.manager.token)
    expect(preview).toMatchObject({
      counterSales: 1,
      counterSaleRefunds: 1,
      invoices: 1,
      takingsFen: 15_000,
      refundsFen: 3_000,
      expectedCashFen: 0
    })
    const closed = await callOk(app, 'dayClose.close', { countedCashFen: 0 }, staff.manager.token)
    expect(closed).toMatchObject({ counterSales: 1, counterSaleRefunds: 1 })
    expect(closed.payments.map((payment) => payment.amountFen)).toEqual(expect.arrayContaining([3_000, -3_000]))
    expect(refund.number).toMatch(/^CN-/)
  })

  it('a refund of a counter sale takes the goods back to where the counter says, never more than was sold', async () => {
    const { app, staff, adminToken } = shop()
    const cable = await shelfItem(app, adminToken, 'CBL-C', 1_900, 6)
    const sale = await callOk(
      app,
      'counterSales.sell',
      { lines: [{ partId: cable.id, quantity: 3 }], tenders: [{ method: 'alipay', amountFen: 5_700 }] },
      staff.frontDesk.token
    )
    const line = sale.lines[0]!
    const refund = (quantity: number, disposition: 'resellable' | 'faulty' | 'scrap') => ({
      saleId: sale.id,
      lines: [{ lineId: line.id, quantity, disposition }],
      reason: '退货',
      refundMethod: 'alipay' as const
    })
    expect((await callError(app, 'counterSales.refund', refund(1, 'resellable'), staff.frontDesk.token)).code).toBe(
      'FORBIDDEN'
    )
    const back = await callOk(app, 'counterSales.refund', refund(1, 'resellable'), staff.manager.token)
    expect(back).toMatchObject({ kind: 'refund', totalFen: -1_900, paidFen: -1_900, corrects: { id: sale.id } })
    expect(movements(app, back.number)).toEqual([{ kind: 'return', quantity: 1, partId: cable.id }])
    expect(onHand(app, cable.id)).toBe(4)
    const faulty = await callOk(app, 'counterSales.refund', refund(1, 'faulty'), staff.manager.token)
    expect(movements(app, faulty.number)).toEqual([
      { kind: 'return', quantity: 1, partId: cable.id },
      { kind: 'faulty_return', quantity: -1, partId: cable.id }
    ])
    expect(onHand(app, cable.id)).toBe(4)
    const tooMany = await callError(app, 'counterSales.refund', refund(2, 'scrap'), staff.manager.token)
    expect(tooMany.details?.fields?.[0]).toMatchObject({
      messageKey: 'validation.moreThanLeftToRefund',
      params: { max: 1 }
    })
    const again = await callOk(app, 'counterSales.get', { id: sale.id }, staff.frontDesk.token)
    expect(again.lines[0]!.refundableQuantity).toBe(1)
    expect(again.refunds.map((note) => note.totalFen)).toEqual([-1_900, -1_900])
    // The stock left and came back at the same value: the ledger still adds up.
    expect((await callOk(app, 'parts.verifyLedger', {}, staff.manager.token)).mismatches).toEqual([])
    const refundOfRefund = await callError(
      app,
      'counterSales.refund',
      { ...refund(1, 'scrap'), saleId: back.id },
      staff.manager.token
    )
    expect(refundOfRefund).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.refundOfRefund' })
  })

  it('a serial-tracked part is sold by the serial scanned at the counter, and its refund brings that serial back', async () => {
    const { app, staff, adminToken } = shop()
    const desk = staff.frontDesk.token
    const phone = await callOk(
      app,
      'parts.create',
      {
        partNumber: 'PH-A1',
        name: '备用机',
        barcodes: [],
        sellingPriceFen: 99_900,
        costPriceFen: 60_000,
        serialTracked: true
      },
      adminToken
    )
    await callOk(
      app,
      'parts.receive',
      {
        reference: 'HQ-PH-1',
        lines: [{ partId: phone.id, quantity: 2, unitCostFen: 60_000, serials: ['SN-0001', 'SN-0002'] }]
      },
      adminToken
    )
    const serialsOnHand = async () =>
      (await callOk(app, 'parts.serialsOnHand', { partId: phone.id }, desk)).map((row) => row.serial)
    const sell = (line: { quantity: number; serial?: string }) => ({
      lines: [{ partId: phone.id, ...line }],
      tenders: [{ method: 'cash' as const, amountFen: 99_900 * line.quantity }]
    })

    // Without its serial the sold unit's serial would stay on hand and could be issued to a job.
    const counts = tableCounts(app)
    expect(await callError(app, 'counterSales.sell', sell({ quantity: 1 }), desk)).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'lines.0.serial', messageKey: 'validation.serialRequired' }] }
    })
    expect(await callError(app, 'counterSales.sell', sell({ quantity: 2, serial: 'SN-0001' }), desk)).toMatchObject({
      details: { fields: [{ path: 'lines.0.quantity', messageKey: 'validation.oneSerialOneUnit' }] }
    })
    expect(await callError(app, 'counterSales.sell', sell({ quantity: 1, serial: 'SN-9999' }), desk)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.serialNotOnHand',
      details: { serial: 'SN-9999' }
    })
    expect(tableCounts(app)).toEqual(counts)

    const sale = await callOk(app, 'counterSales.sell', sell({ quantity: 1, serial: 'sn-0001' }), desk)
    expect(sale.lines[0]).toMatchObject({ serial: 'SN-0001', quantity: 1 })
    expect(await serialsOnHand()).toEqual(['SN-0002'])
    // The unit sold is not on the shelf any more: it is not sold twice.
    expect(await callError(app, 'counterSales.sell', sell({ quantity: 1, serial: 'SN-0001' }), desk)).toMatchObject({
      messageKey: 'errors.serialNotOnHand'
    })

    // Handed back to stock, that very unit is on the shelf again; one sent to the brand is not.
    const back = await callOk(
      app,
      'counterSales.refund',
      {
        saleId: sale.id,
        lines: [{ lineId: sale.lines[0]!.id, quantity: 1, disposition: 'resellable' }],
        reason: '七天无理由',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    expect(back.lines[0]).toMatchObject({ serial: 'SN-0001', quantity: 1 })
    expect(await serialsOnHand()).toEqual(['SN-0001', 'SN-0002'])
    const second = await callOk(app, 'counterSales.sell', sell({ quantity: 1, serial: 'SN-0002' }), desk)
    await callOk(
      app,
      'counterSales.refund',
      {
        saleId: second.id,
        lines: [{ lineId: second.lines[0]!.id, quantity: 1, disposition: 'faulty' }],
        reason: '开机无显示',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    expect(await serialsOnHand()).toEqual(['SN-0001'])
    expect((await callOk(app, 'parts.get', { id: phone.id }, desk)).onHand).toBe(1)
    expect((await callOk(app, 'parts.verifyLedger', {}, staff.manager.token)).mismatches).toEqual([])
  })

  it('selling more than is on hand, or a part with no price, is refused and writes nothing', async () => {
    const { app, staff, adminToken } = shop()
    const item = await shelfItem(app, adminToken, 'EAR-1', 9_900, 1)
    const unpriced = await shelfItem(app, adminToken, 'FREE-1', 0, 1)
    const before = app.sqlite.prepare('SELECT count(*) AS n FROM counter_sales').get()
    const short = await callError(
      app,
      'counterSales.sell',
      { lines: [{ partId: item.id, quantity: 2 }], tenders: [{ method: 'cash', amountFen: 19_800 }] },
      staff.frontDesk.token
    )
    expect(short.code).toBe('STOCK_INSUFFICIENT')
    const free = await callError(
      app,
      'counterSales.sell',
      { lines: [{ partId: unpriced.id, quantity: 1 }], tenders: [{ method: 'cash', amountFen: 100 }] },
      staff.frontDesk.token
    )
    expect(free.details?.fields?.[0]).toMatchObject({ path: 'lines.0.partId', messageKey: 'validation.noSellingPrice' })
    const underpaid = await callError(
      app,
      'counterSales.sell',
      { lines: [{ partId: item.id, quantity: 1 }], tenders: [{ method: 'cash', amountFen: 9_000 }] },
      staff.frontDesk.token
    )
    expect(underpaid.details?.fields?.[0]).toMatchObject({ messageKey: 'validation.underpaid' })
    expect(app.sqlite.prepare('SELECT count(*) AS n FROM counter_sales').get()).toEqual(before)
    expect(onHand(app, item.id)).toBe(1)
  })

  it('belongs to the customer picked at the till, under their name; a refund to the sale’s customer', async () => {
    const { app, staff, adminToken } = shop()
    const item = await shelfItem(app, adminToken, 'CASE-PICK', 3_000, 3)
    const customer = await callOk(app, 'customers.create', { name: '王伟', mobile: uniqueMobile() }, adminToken)
    const sale = await callOk(
      app,
      'counterSales.sell',
      {
        lines: [{ partId: item.id, quantity: 2 }],
        tenders: [{ method: 'cash', amountFen: 6_000 }],
        customerId: customer.id,
        // What the walk-in box held is not the sale's name once a customer is picked.
        customerName: '别的名字'
      },
      staff.frontDesk.token
    )
    expect(sale).toMatchObject({ customerId: customer.id, customerName: '王伟' })
    const refund = await callOk(
      app,
      'counterSales.refund',
      {
        saleId: sale.id,
        lines: [{ lineId: sale.lines[0]!.id, quantity: 1, disposition: 'resellable' }],
        reason: '买多了',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    expect(refund).toMatchObject({ customerId: customer.id, customerName: '王伟' })
    // HQ gets whose sale and refund it is as it gets a work order's: by the customer's id.
    const outbox = app.sqlite
      .prepare(
        "SELECT json_extract(payload_json, '$.customerId') AS customerId FROM outbox WHERE entity = 'counter_sale' AND entity_id IN (?, ?)"
      )
      .all(sale.id, refund.id)
    expect(outbox).toEqual([{ customerId: customer.id }, { customerId: customer.id }])
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
    expect(walkIn).toMatchObject({ customerId: null, customerName: '王伟' })
  })

  it('refuses a customer not on record, merged away or erased, and writes nothing', async () => {
    const { app, staff, adminToken } = shop()
    const item = await shelfItem(app, adminToken, 'CASE-GONE', 3_000, 3)
    const kept = await callOk(app, 'customers.create', { name: '李娜', mobile: uniqueMobile() }, adminToken)
    const duplicate = await callOk(app, 'customers.create', { name: '李娜', mobile: uniqueMobile() }, adminToken)
    const erased = await callOk(app, 'customers.create', { name: '赵敏', mobile: uniqueMobile() }, adminToken)
    await callOk(app, 'customers.merge', { keepId: kept.id, mergeId: duplicate.id }, staff.manager.token)
    await callOk(app, 'customers.erase', { id: erased.id }, staff.manager.token)
    const before = app.sqlite.prepare('SELECT count(*) AS n FROM counter_sales').get()
    const sell = (customerId: string) =>
      callError(
        app,
        'counterSales.sell',
        { lines: [{ partId: item.id, quantity: 1 }], tenders: [{ method: 'cash', amountFen: 3_000 }], customerId },
        staff.frontDesk.token
      )
    expect(await sell('0190a000-0000-7000-8000-000000000000')).toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'errors.customerNotFound'
    })
    expect(await sell(duplicate.id)).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.customerNotFound' })
    expect(await sell(erased.id)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.customerErased' })
    expect(app.sqlite.prepare('SELECT count(*) AS n FROM counter_sales').get()).toEqual(before)
    expect(onHand(app, item.id)).toBe(3)
  })
})
