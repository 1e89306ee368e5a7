import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { migrate } from '../../../src-main/db/migrator'
import { allMigrations } from '../../../src-main/db/migrations'
import { comebackCover } from '../../../src-shared/domain/comeback'
import { ADMIN, callError, callOk, countRows, freshShopPerTest, testClock } from '../helpers'
import { intake } from '../workOrders/fixtures'
import { finishedJob, finishJob } from './fixtures'
import { collectedJob, shopBefore } from './upgradeFixtures'

const DAY = 24 * 60 * 60 * 1000
const freshShop = freshShopPerTest()

/** A paid repair (¥80 labour, ¥450 screen) paid for and collected. */
async function collectedPaidRepair(app: AppContext, token: string) {
  const job = await finishedJob(app, token, { serviceType: 'paid_repair' })
  await callOk(app, 'checkout.pay', { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 53_000 }] }, token)
  await callOk(app, 'workOrders.pickup', { id: job.id, claimCode: job.claimCode, confirmed: true }, token)
  return job
}

/** The admin signed in again: the clock has moved past the earlier session's age. */
async function signInAgain(app: AppContext): Promise<string> {
  return (await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).token
}

function claimsOf(app: AppContext, invoiceId: string): unknown[] {
  return app.sqlite.prepare('SELECT amount_fen FROM warranty_claims WHERE invoice_id = ?').all(invoiceId)
}

describe('what a comeback opens as', () => {
  const paidOn = { serviceType: 'paid_repair' as const, pickedUpOn: '2026-01-23', didWork: true }

  it('after the shop’s own work: its repair warranty through the last day, then a paid repair', () => {
    expect(comebackCover(paidOn, '2026-04-23', 90)).toEqual({
      serviceType: 'shop_warranty_repair',
      shopWarrantyEnd: '2026-04-23'
    })
    expect(comebackCover(paidOn, '2026-04-24', 90)).toEqual({
      serviceType: 'paid_repair',
      shopWarrantyEnd: '2026-04-23'
    })
    for (const serviceType of ['installation', 'inspection'] as const)
      expect(comebackCover({ ...paidOn, serviceType }, '2026-02-01', 90).serviceType).toBe('shop_warranty_repair')
    // A shop that gives no repair warranty covers nothing, not even on the day of pick-up.
    expect(comebackCover(paidOn, '2026-01-23', 0)).toEqual({ serviceType: 'paid_repair', shopWarrantyEnd: null })
  })

  it('after a 三包 repair: the brand’s warranty again; after an inspection that did no work: paid', () => {
    expect(comebackCover({ ...paidOn, serviceType: 'warranty_repair' }, '2027-06-01', 90)).toEqual({
      serviceType: 'warranty_repair',
      shopWarrantyEnd: null
    })
    expect(comebackCover({ ...paidOn, serviceType: 'inspection', didWork: false }, '2026-01-24', 90).serviceType).toBe(
      'paid_repair'
    )
  })
})

describe('a comeback of a paid repair, under the shop’s own repair warranty', () => {
  it('opens as a shop-warranty repair the shop bears: free to the customer, claimed from no one', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const paid = await collectedPaidRepair(app, adminToken)
    clock.advance(10 * DAY)
    const token = await signInAgain(app)

    const { workOrder } = await callOk(app, 'workOrders.reopen', { id: paid.id, reason: '屏幕又花屏' }, token)
    expect(workOrder.serviceType).toBe('shop_warranty_repair')
    const comeback = await finishJob(app, token, workOrder.id, {
      serviceType: 'shop_warranty_repair',
      labourFen: 5_000,
      partPriceFen: 30_000
    })
    const draft = await callOk(app, 'checkout.draft', { workOrderId: comeback.id }, token)
    expect(draft.lines.map((line) => [line.kind, line.amountFen, line.payer])).toEqual([
      ['labour', 5_000, 'shop'],
      ['part', 30_000, 'shop']
    ])

    // The brand never pays for the shop's own work: refused, and nothing written.
    const invoicesBefore = countRows(app, 'invoices')
    const refused = await callError(
      app,
      'checkout.pay',
      { workOrderId: comeback.id, payers: { [comeback.partLineId]: 'brand' } },
      token
    )
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'payers', messageKey: 'validation.brandPaysOnlyWarranty' }] }
    })
    expect(countRows(app, 'invoices')).toBe(invoicesBefore)
    // Nor does the shop bear an extra charge: its warranty covers the job's own labour and parts.
    const charged = await callError(
      app,
      'checkout.pay',
      {
        workOrderId: comeback.id,
        charges: [{ description: '新手机', quantity: 1, unitPriceFen: 500_000, payer: 'shop' }]
      },
      token
    )
    expect(charged).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'charges.0.payer', messageKey: 'validation.shopBearsOnlyTheJob' }] }
    })
    expect(countRows(app, 'invoices')).toBe(invoicesBefore)

    // What the customer asks for beyond the warranty is theirs.
    const invoice = await callOk(
      app,
      'checkout.pay',
      {
        workOrderId: comeback.id,
        charges: [{ description: '手机壳', quantity: 1, unitPriceFen: 2_500, payer: 'customer' }],
        tenders: [{ method: 'cash', amountFen: 2_500 }]
      },
      token
    )
    expect(invoice.totals).toMatchObject({
      linesFen: 37_500,
      shopFen: 35_000,
      brandFen: 0,
      customerLinesFen: 2_500,
      dueFen: 2_500
    })
    expect(invoice.lines.map((line) => line.payer)).toEqual(['shop', 'shop', 'customer'])
    expect(claimsOf(app, invoice.id)).toEqual([])
    expect(app.sqlite.prepare('SELECT shop_fen FROM invoices WHERE id = ?').get(invoice.id)).toEqual({
      shop_fen: 35_000
    })
  })

  it('a credit note on what the shop bore hands nothing back and opens no claim', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const paid = await collectedPaidRepair(app, adminToken)
    const { workOrder } = await callOk(app, 'workOrders.reopen', { id: paid.id, reason: '屏幕又花屏' }, adminToken)
    const comeback = await finishJob(app, adminToken, workOrder.id, { serviceType: 'shop_warranty_repair' })
    const invoice = await callOk(app, 'checkout.pay', { workOrderId: comeback.id }, adminToken)
    const partLine = invoice.lines.find((line) => line.kind === 'part')!
    const paymentsBefore = countRows(app, 'payments')

    const note = await callOk(
      app,
      'checkout.creditNote',
      {
        invoiceId: invoice.id,
        lines: [{ lineId: partLine.id, amountFen: partLine.amountFen }],
        reason: '录错配件',
        refundMethod: 'cash'
      },
      adminToken
    )
    expect(note.totals).toMatchObject({
      linesFen: -partLine.amountFen,
      shopFen: -partLine.amountFen,
      brandFen: 0,
      customerLinesFen: 0,
      dueFen: 0
    })
    expect(countRows(app, 'payments')).toBe(paymentsBefore)
    expect(claimsOf(app, invoice.id)).toEqual([])

    // The day close counts what the shop bore, net of the credit note, apart from the brand's claims.
    const preview = await callOk(app, 'dayClose.preview', {}, adminToken)
    expect(preview.shopWarrantyFen).toBe(invoice.totals.shopFen - partLine.amountFen)
    expect(preview.shopWarrantyFen).toBeGreaterThan(0)
    expect(preview.warrantyClaimsFen).toBe(0)
    const closed = await callOk(app, 'dayClose.close', { countedCashFen: preview.expectedCashFen }, adminToken)
    expect((await callOk(app, 'dayClose.get', { id: closed.id! }, adminToken)).shopWarrantyFen).toBe(
      preview.shopWarrantyFen
    )
    // A close made before the shop could bear lines stored no such figure: it reads as none.
    // (Closes are immutable; the test lifts that to make one as an older version stored it.)
    app.sqlite.exec('DROP TRIGGER day_closes_no_update')
    app.sqlite
      .prepare("UPDATE day_closes SET report_json = json_remove(report_json, '$.shopWarrantyFen') WHERE id = ?")
      .run(closed.id)
    expect((await callOk(app, 'dayClose.get', { id: closed.id! }, adminToken)).shopWarrantyFen).toBe(0)
  })

  it('a free rework starts no new warranty: its own comeback counts the days from the work it reworked', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const paid = await collectedPaidRepair(app, adminToken)
    clock.advance(30 * DAY)
    let token = await signInAgain(app)
    const { workOrder, claimCode } = await callOk(app, 'workOrders.reopen', { id: paid.id, reason: '又花屏' }, token)
    const rework = await finishJob(app, token, workOrder.id, { serviceType: 'shop_warranty_repair' })
    await callOk(app, 'checkout.pay', { workOrderId: rework.id }, token)
    await callOk(app, 'workOrders.pickup', { id: rework.id, claimCode, confirmed: true }, token)
    // The rework's slip shows the warranty of the repair it reworked, not 90 days from today.
    const printed = await callOk(app, 'printing.workOrderDocument', { workOrderId: rework.id }, token)
    expect(printed.repairWarranty).toMatchObject({ startsOn: '2026-01-23', endsOn: '2026-04-23' })

    clock.advance(61 * DAY)
    token = await signInAgain(app)
    const detail = await callOk(app, 'workOrders.get', { id: rework.id }, token)
    expect(detail.comebackAs).toEqual({ serviceType: 'paid_repair', shopWarrantyEnd: '2026-04-23' })
    const again = await callOk(
      app,
      'workOrders.reopen',
      { id: rework.id, reason: '又坏了', expectedServiceType: 'paid_repair' },
      token
    )
    expect(again.workOrder.serviceType).toBe('paid_repair')
  })

  it('refuses a comeback of another kind than the screen showed, and opens nothing', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const paid = await collectedPaidRepair(app, adminToken)
    // The page was read on the warranty's last day; the manager confirms after midnight.
    clock.advance(90 * DAY)
    let token = await signInAgain(app)
    const shown = (await callOk(app, 'workOrders.get', { id: paid.id }, token)).comebackAs
    expect(shown?.serviceType).toBe('shop_warranty_repair')
    clock.advance(DAY)
    token = await signInAgain(app)
    const ordersBefore = countRows(app, 'work_orders')
    const refused = await callError(
      app,
      'workOrders.reopen',
      { id: paid.id, reason: '又坏了', expectedServiceType: shown!.serviceType },
      token
    )
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.comebackKindChanged' })
    expect(countRows(app, 'work_orders')).toBe(ordersBefore)
  })

  it('counts the days in the shop’s time zone: picked up at 00:30 Beijing time is that day’s pick-up', async () => {
    // 16:30 UTC on 23 January is 00:30 on the 24th in Asia/Shanghai.
    const clock = testClock('2026-01-23T16:30:00.000Z')
    const { app, adminToken } = await freshShop(clock)
    const lastDay = await collectedPaidRepair(app, adminToken)
    const dayAfter = await collectedPaidRepair(app, adminToken)
    // 15:59 UTC on 24 April is 23:59 on the warranty's last day there.
    clock.advance(Date.parse('2026-04-24T15:59:00.000Z') - clock.now().getTime())
    let token = await signInAgain(app)
    const inTime = await callOk(app, 'workOrders.reopen', { id: lastDay.id, reason: '又坏了' }, token)
    expect(inTime.workOrder.serviceType).toBe('shop_warranty_repair')
    clock.advance(60_000)
    token = await signInAgain(app)
    const late = await callOk(app, 'workOrders.reopen', { id: dayAfter.id, reason: '又坏了' }, token)
    expect(late.workOrder.serviceType).toBe('paid_repair')
  })

  it('after the shop’s repair-warranty days the comeback is a paid repair, quoted first', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const lastDay = await collectedPaidRepair(app, adminToken)
    const dayAfter = await collectedPaidRepair(app, adminToken)
    clock.advance(90 * DAY)
    let token = await signInAgain(app)
    const inTime = await callOk(app, 'workOrders.reopen', { id: lastDay.id, reason: '又坏了' }, token)
    expect(inTime.workOrder.serviceType).toBe('shop_warranty_repair')

    clock.advance(DAY)
    token = await signInAgain(app)
    const late = await callOk(app, 'workOrders.reopen', { id: dayAfter.id, reason: '又坏了' }, token)
    expect(late.workOrder.serviceType).toBe('paid_repair')
    await callOk(app, 'workOrders.transition', { id: late.workOrder.id, to: 'diagnosing' }, token)
    expect(
      await callError(app, 'workOrders.transition', { id: late.workOrder.id, to: 'repairing' }, token)
    ).toMatchObject({ code: 'APPROVAL_REQUIRED' })
  })

  it('is never chosen at a plain check-in: only a manager’s reopen opens one, after the days are checked', async () => {
    const { app, adminToken } = await freshShop()
    const ordersBefore = countRows(app, 'work_orders')
    const refused = await callError(
      app,
      'workOrders.create',
      intake({ serviceType: 'shop_warranty_repair' }),
      adminToken
    )
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'serviceType', messageKey: 'validation.shopWarrantyOnlyComeback' }] }
    })
    expect(countRows(app, 'work_orders')).toBe(ordersBefore)
  })

  it('the shop bears lines only on its own warranty’s jobs', async () => {
    const { app, adminToken } = await freshShop()
    for (const serviceType of ['paid_repair', 'warranty_repair'] as const) {
      const job = await finishedJob(app, adminToken, { serviceType })
      const refused = await callError(
        app,
        'checkout.pay',
        { workOrderId: job.id, payers: { [job.labourId]: 'shop' }, tenders: [{ method: 'cash', amountFen: 53_000 }] },
        adminToken
      )
      expect(refused, serviceType).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ path: 'payers', messageKey: 'validation.shopPaysOnlyShopWarranty' }] }
      })
    }
    expect(countRows(app, 'invoices')).toBe(0)
  })
})

describe('check-in of a device back within the shop’s repair warranty', () => {
  it('names the collected job a free comeback would reopen, until the warranty ends or it is reopened', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const paid = await collectedPaidRepair(app, adminToken)
    const deviceId = (await callOk(app, 'workOrders.get', { id: paid.id }, adminToken)).device.id
    const days = (await callOk(app, 'settings.get', {}, adminToken)).repairWarrantyDays
    clock.advance(10 * DAY)
    let token = await signInAgain(app)

    const due = await callOk(app, 'workOrders.freeComeback', { deviceId }, token)
    expect(due).toMatchObject({ workOrderId: paid.id, number: paid.number })
    expect(due!.shopWarrantyEnd > due!.pickedUpOn).toBe(true)

    // Once it is reopened the comeback is in the shop already: nothing more to point at.
    const { workOrder: comeback } = await callOk(app, 'workOrders.reopen', { id: paid.id, reason: '屏幕又花屏' }, token)
    expect(await callOk(app, 'workOrders.freeComeback', { deviceId }, token)).toBeNull()
    await callOk(app, 'workOrders.transition', { id: comeback.id, to: 'cancelled', reason: '客户不修了' }, token)
    expect(await callOk(app, 'workOrders.freeComeback', { deviceId }, token)).toMatchObject({ workOrderId: paid.id })

    // After the last day of the shop's warranty a comeback is a paid repair: nothing is free to point at.
    clock.advance(days * DAY)
    token = await signInAgain(app)
    expect(await callOk(app, 'workOrders.freeComeback', { deviceId }, token)).toBeNull()
  })

  it('says nothing of a device whose last job was a 三包 repair or is still in the shop', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const deviceOf = async (id: string) => (await callOk(app, 'workOrders.get', { id }, adminToken)).device.id
    const warranty = await finishedJob(app, adminToken, { serviceType: 'warranty_repair' })
    await callOk(app, 'checkout.pay', { workOrderId: warranty.id }, adminToken)
    await callOk(
      app,
      'workOrders.pickup',
      { id: warranty.id, claimCode: warranty.claimCode, confirmed: true },
      adminToken
    )
    expect(
      await callOk(app, 'workOrders.freeComeback', { deviceId: await deviceOf(warranty.id) }, adminToken)
    ).toBeNull()
    const inTheShop = await finishedJob(app, adminToken, { serviceType: 'paid_repair' })
    expect(
      await callOk(app, 'workOrders.freeComeback', { deviceId: await deviceOf(inTheShop.id) }, adminToken)
    ).toBeNull()
  })
})

describe('upgrading to lines the shop bears', () => {
  it('keeps every invoice line as it was, still immutable, and the earlier documents bore nothing', () => {
    const step = allMigrations.find((migration) => migration.name.includes('the shop bears'))!
    const at = '2026-10-01T02:00:00.000Z'
    const sqlite = shopBefore(step.version, at, { username: 'boss', displayName: '王芳', role: 'manager' })
    collectedJob(sqlite, 'warranty_repair', at)
    sqlite
      .prepare(
        `INSERT INTO invoices (id, number, kind, work_order_id, lines_fen, brand_fen, customer_lines_fen, discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at, cashier_id)
         VALUES ('i1', 'INV-261001-0001', 'invoice', 'w1', 38000, 30000, 8000, 0, 0, 8000, 0, ?, 'u1')`
      )
      .run(at)
    const line = sqlite.prepare(
      `INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen, amount_fen, payer)
       VALUES (?, 'i1', ?, ?, NULL, ?, 1, ?, ?, ?)`
    )
    line.run('l1', 0, 'part', '屏幕总成', 30_000, 30_000, 'brand')
    line.run('l2', 1, 'labour', '更换屏幕', 8_000, 8_000, 'customer')
    const linesBefore = sqlite.prepare('SELECT * FROM invoice_lines ORDER BY position').all()
    expect(() => line.run('l3', 2, 'charge', '本店承担', 100, 100, 'shop')).toThrow(/CHECK/)

    migrate(sqlite, allMigrations)
    expect(sqlite.prepare('SELECT * FROM invoice_lines ORDER BY position').all()).toEqual(linesBefore)
    expect(sqlite.prepare('SELECT shop_fen FROM invoices').all()).toEqual([{ shop_fen: 0 }])
    expect(() => sqlite.prepare("UPDATE invoice_lines SET amount_fen = 1 WHERE id = 'l1'").run()).toThrow(/immutable/)
    expect(() => sqlite.prepare("DELETE FROM invoice_lines WHERE id = 'l2'").run()).toThrow(/immutable/)
    expect(() => line.run('l4', 2, 'charge', '其他', 100, 100, 'nobody')).toThrow(/CHECK/)
    // The shop is a payer now; the lines still belong to an invoice, found by their indexes.
    line.run('l5', 2, 'labour', '返修', 5_000, 5_000, 'shop')
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO invoice_lines (id, invoice_id, position, kind, description, quantity, unit_price_fen, amount_fen, payer)
           VALUES ('l6', 'no-such-invoice', 0, 'labour', '返修', 1, 1, 1, 'shop')`
        )
        .run()
    ).toThrow(/FOREIGN KEY/)
    const indexes = sqlite.prepare("SELECT name FROM pragma_index_list('invoice_lines') ORDER BY name").all()
    expect(indexes).toEqual(
      expect.arrayContaining([{ name: 'invoice_lines_invoice' }, { name: 'invoice_lines_source' }])
    )
    sqlite.close()
  })
})
