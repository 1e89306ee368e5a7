import { describe, expect, it, vi } from 'vitest'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { auditRows, callError, callOk, countRows, MINUTE, SHOP } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { chargerSoldBeforeTheCopy, fileShopPerTest, signInAgain } from './fixtures'
import { DRAWER_NOT_COUNTED, moneyAfterTheCopy, payJob } from './moneyAfterTheCopy'
import { droppedMoneyNotReEntered } from '../../../src-main/features/backups/migrations'

// Jobs driven to the counter, day closes and a restore: slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000 })

const fileShop = fileShopPerTest()

/** Money moved after the copy (moneyAfterTheCopy.ts), then the copy restored. */
async function restoredAfterMoney(options: { close: boolean; tender: 'cash' | 'wechat_pay' }) {
  const moved = await moneyAfterTheCopy(await fileShop(), options)
  const { app, adminToken, clock, copy } = moved
  clock.advance(MINUTE)
  await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
  clock.advance(MINUTE)
  return { ...moved, token: await signInAgain(app) }
}

/** Days after the restore the customer is refunded 15 for job A's part: a new refund, cash out of today's drawer. */
async function refundPartAgain(
  app: Awaited<ReturnType<typeof restoredAfterMoney>>['app'],
  token: string,
  invoiceA: Awaited<ReturnType<typeof restoredAfterMoney>>['invoiceA']
) {
  const partLine = invoiceA.lines.find((line) => line.kind === 'part')!
  const input = { invoiceId: invoiceA.id, lines: [{ lineId: partLine.id, amountFen: 1_500 }], reason: '配件差价' }
  await callOk(app, 'checkout.creditNote', { ...input, refundMethod: 'cash' }, token)
}

describe('money re-entered after a restore is counted once', () => {
  it('a payment a kept close counted is re-entered, listed on the next close and left out of its cash and takings', async () => {
    const { app, token, jobB, invoiceB, close } = await restoredAfterMoney({ close: true, tender: 'cash' })
    const dueB = invoiceB.paidFen
    expect(dueB).toBeGreaterThan(0)
    const again = await payJob(app, token, jobB.id, { droppedMoneyChecked: true })
    // A job paid today, cash the drawer does hold.
    const jobC = await finishedJob(app, token, { serviceType: 'paid_repair', labourFen: 3_000, partPriceFen: 7_000 })
    const invoiceC = await payJob(app, token, jobC.id)

    const preview = await callOk(app, 'dayClose.preview', {}, token)
    expect(preview.expectedCashFen).toBe(invoiceC.paidFen)
    // The cash left out of it, named beside it on the close.
    expect(preview.reEnteredCashFen).toBe(dueB)
    expect(preview.takingsFen).toBe(invoiceC.paidFen)
    // The re-entry's receipt was counted with the dropped one by the kept close: only job C's counts.
    expect(preview.invoices).toBe(1)
    expect(preview.byMethod).toEqual([{ method: 'cash', amountFen: invoiceC.paidFen, count: 1 }])
    expect(preview.byCashier).toMatchObject([{ amountFen: invoiceC.paidFen, count: 1 }])
    expect(preview.payments.map((row) => row.invoiceId)).toEqual([again.id, invoiceC.id])
    expect(preview.reEntered).toEqual([
      {
        paymentId: preview.payments[0]!.id,
        at: preview.payments[0]!.at,
        kind: 'payment',
        method: 'cash',
        amountFen: dueB,
        alreadyCountedFen: dueB,
        countedHereFen: 0,
        firstOfItsPayment: true,
        droppedDocumentNumber: invoiceB.number,
        dayCloseNumber: close!.number,
        dayClosedAt: close!.closedAt
      }
    ])

    // The close keeps the line; what HQ and the audit receive say it, on the re-entry and the close.
    const closed = await callOk(
      app,
      'dayClose.close',
      { countedCashFen: invoiceC.paidFen, expectedCashFen: invoiceC.paidFen, note: '' },
      token
    )
    expect(closed).toMatchObject({ expectedCashFen: invoiceC.paidFen, reEnteredCashFen: dueB, differenceFen: 0 })
    expect((await callOk(app, 'dayClose.get', { id: closed.id! }, token)).reEntered).toEqual(preview.reEntered)
    const payload = (entityId: string) =>
      JSON.parse(
        (
          app.sqlite
            .prepare(`SELECT payload_json FROM outbox WHERE entity_id = ? ORDER BY seq DESC LIMIT 1`)
            .get(entityId) as { payload_json: string }
        ).payload_json
      )
    expect(payload(again.id).alreadyCounted).toEqual([
      {
        droppedRecordId: expect.any(String),
        droppedDocumentNumber: invoiceB.number,
        dayCloseNumber: close!.number,
        method: 'cash',
        countedFen: dueB
      }
    ])
    expect(payload(closed.id!)).toMatchObject({ expectedCashFen: invoiceC.paidFen, reEntered: preview.reEntered })
    expect(auditRows(app, 'checkout.pay').find((row) => row.entityId === again.id)?.after).toMatchObject({
      alreadyCounted: [{ countedFen: dueB }]
    })
    expect(payload(invoiceC.id).alreadyCounted).toBeUndefined()
  })

  it('a payment a kept close counted, marked as not to be re-entered, leaves a later charge of its job as new money', async () => {
    const { app, token, jobB, invoiceB, close } = await restoredAfterMoney({ close: true, tender: 'cash' })
    const [record] = await callOk(app, 'backups.droppedMoney', { workOrderId: jobB.id }, token)
    expect(record!.countedNotReEntered).toEqual({ dayCloseNumber: close!.number, dayClosedAt: close!.closedAt })
    // Without the manager's word that it will not be re-entered it is not marked: the answer names the close.
    const refused = await callError(app, 'backups.markDroppedMoneyDealtWith', { id: record!.id, note: '' }, token)
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'backups.droppedMoneyCountedNotReEntered',
      details: { dayCloseNumber: close!.number, date: shopLocalDate(new Date(close!.closedAt!), SHOP.timeZone) }
    })
    expect(await callOk(app, 'backups.droppedMoney', { workOrderId: jobB.id }, token)).toHaveLength(1)
    await callOk(
      app,
      'backups.markDroppedMoneyDealtWith',
      { id: record!.id, note: '客户说不再补录', notReEntered: true },
      token
    )
    expect(auditRows(app, 'backups.markDroppedMoneyDealtWith')).toMatchObject([
      { entityId: record!.id, after: { dealtWithNote: '客户说不再补录', notReEntered: true } }
    ])
    // The word is kept on the record: nothing of it awaits a re-entry any more.
    const [dealtWith] = await callOk(
      app,
      'backups.droppedMoney',
      { workOrderId: jobB.id, includeDealtWith: true },
      token
    )
    expect(dealtWith!.countedNotReEntered).toBeNull()

    // The job charged after that word: the customer's new money, in today's drawer, tied to no close.
    const again = await payJob(app, token, jobB.id)
    expect(again.paidFen).toBe(invoiceB.paidFen)
    expect(countRows(app, 'payment_re_entries')).toBe(0)
    const preview = await callOk(app, 'dayClose.preview', {}, token)
    expect(preview).toMatchObject({ expectedCashFen: invoiceB.paidFen, takingsFen: invoiceB.paidFen })
    expect(preview.reEntered).toEqual([])
  })

  it('a refund a kept close counted, marked as not to be re-entered: a new refund of the invoice is today’s, the drawer not over', async () => {
    const { app, token, invoiceA } = await restoredAfterMoney({ close: true, tender: 'wechat_pay' })
    const record = (await callOk(app, 'backups.droppedMoney', {}, token)).find((entry) => entry.kind === 'refund')!
    expect(record.countedNotReEntered).not.toBeNull()
    await callOk(app, 'backups.markDroppedMoneyDealtWith', { id: record.id, note: '', notReEntered: true }, token)
    await refundPartAgain(app, token, invoiceA)
    expect(countRows(app, 'payment_re_entries')).toBe(0)
    const preview = await callOk(app, 'dayClose.preview', {}, token)
    expect(preview.reEntered).toEqual([])
    expect(preview).toMatchObject({ expectedCashFen: -1_500, refundsFen: 1_500 })
  })

  it('a shop that kept the word only in the audit log: the step puts it on the record, and a new refund is not tied', async () => {
    const { app, token, invoiceA } = await restoredAfterMoney({ close: true, tender: 'wechat_pay' })
    const record = (await callOk(app, 'backups.droppedMoney', {}, token)).find((entry) => entry.kind === 'refund')!
    await callOk(app, 'backups.markDroppedMoneyDealtWith', { id: record.id, note: '', notReEntered: true }, token)
    // As before the step: the record without the word (the audit row has it).
    app.sqlite.exec('DROP TRIGGER restore_dropped_money_dealt_once')
    app.sqlite.prepare('UPDATE restore_dropped_money SET not_re_entered = 0 WHERE id = ?').run(record.id)
    const [, backfill, ...triggerAgain] = droppedMoneyNotReEntered.statements
    // The step's backfill, then its trigger keeping the word as it was given.
    app.sqlite.transaction(() => {
      app.sqlite.exec(backfill!)
      app.sqlite.exec(triggerAgain[1]!)
    })()

    expect(
      app.sqlite.prepare('SELECT not_re_entered FROM restore_dropped_money WHERE id = ?').pluck().get(record.id)
    ).toBe(1)
    expect(() =>
      app.sqlite.prepare('UPDATE restore_dropped_money SET not_re_entered = 0 WHERE id = ?').run(record.id)
    ).toThrow('dealt with once')
    await refundPartAgain(app, token, invoiceA)
    expect((await callOk(app, 'dayClose.preview', {}, token)).reEntered).toEqual([])
  })

  it('dropped money no close counted is marked dealt with without a word about re-entering it', async () => {
    const { app, token, jobB } = await restoredAfterMoney({ close: false, tender: 'cash' })
    const [record] = await callOk(app, 'backups.droppedMoney', { workOrderId: jobB.id }, token)
    expect(record!.countedNotReEntered).toBeNull()
    await callOk(app, 'backups.markDroppedMoneyDealtWith', { id: record!.id, note: '' }, token)
    await payJob(app, token, jobB.id)
    expect((await callOk(app, 'dayClose.preview', {}, token)).reEntered).toEqual([])
  })

  it('re-entered for more than was dropped: only the dropped amount is left out, the rest is today’s cash', async () => {
    const { app, token, jobB, invoiceB } = await restoredAfterMoney({ close: true, tender: 'cash' })
    const extra = { description: '加急费', quantity: 1, unitPriceFen: 2_000, payer: 'customer' }
    const again = await payJob(app, token, jobB.id, { droppedMoneyChecked: true, charges: [extra] })
    expect(again.paidFen).toBe(invoiceB.paidFen + 2_000)

    const preview = await callOk(app, 'dayClose.preview', {}, token)
    expect(preview.expectedCashFen).toBe(2_000)
    expect(preview.reEnteredCashFen).toBe(invoiceB.paidFen)
    expect(preview.takingsFen).toBe(2_000)
    expect(preview.byMethod).toEqual([{ method: 'cash', amountFen: 2_000, count: 1 }])
    expect(preview.reEntered).toMatchObject([{ amountFen: again.paidFen, alreadyCountedFen: invoiceB.paidFen }])
  })

  it('counted cash re-entered as WeChat Pay is left out of the WeChat total, and the drawer is not asked for it', async () => {
    const { app, token, jobB, invoiceB } = await restoredAfterMoney({ close: true, tender: 'cash' })
    await payJob(app, token, jobB.id, {
      droppedMoneyChecked: true,
      tenders: [{ method: 'wechat_pay', amountFen: invoiceB.paidFen }]
    })
    const preview = await callOk(app, 'dayClose.preview', {}, token)
    // Not in the drawer's count at all: no cash is named as left out of it.
    expect(preview).toMatchObject({ expectedCashFen: 0, reEnteredCashFen: 0, takingsFen: 0, byMethod: [] })
    expect(preview.reEntered).toMatchObject([{ method: 'wechat_pay', alreadyCountedFen: invoiceB.paidFen }])
  })

  it('a refund a kept close counted is re-entered without taking its cash out of the drawer again', async () => {
    const { app, token, note, refundInput, close } = await restoredAfterMoney({ close: true, tender: 'wechat_pay' })
    const again = await callOk(app, 'checkout.creditNote', { ...refundInput, droppedMoneyChecked: true }, token)
    expect(again.paidFen).toBe(note.paidFen)
    const preview = await callOk(app, 'dayClose.preview', {}, token)
    expect(preview).toMatchObject({ expectedCashFen: 0, refundsFen: 0, takingsFen: 0, byMethod: [], creditNotes: 0 })
    // Cash going out that the kept close took out already: named, signed as it left the drawer.
    expect(preview.reEnteredCashFen).toBe(note.paidFen)
    expect(preview.reEntered).toMatchObject([
      {
        kind: 'refund',
        amountFen: note.paidFen,
        alreadyCountedFen: note.paidFen,
        droppedDocumentNumber: note.number,
        dayCloseNumber: close!.number
      }
    ])
  })

  it('dropped money no close counted is today’s money when re-entered', async () => {
    const { app, token, jobB, invoiceA, invoiceB } = await restoredAfterMoney({ close: false, tender: 'cash' })
    const again = await payJob(app, token, jobB.id, { droppedMoneyChecked: true })
    const preview = await callOk(app, 'dayClose.preview', {}, token)
    expect(preview.reEntered).toEqual([])
    expect(preview.reEnteredCashFen).toBe(0)
    // No close yet at all: job A's payment from before the copy is open too.
    const cashFen = invoiceA.paidFen + invoiceB.paidFen
    expect(preview.expectedCashFen).toBe(cashFen)
    expect(preview.payments.map((row) => row.invoiceId)).toEqual([invoiceA.id, again.id])
    const closed = await callOk(app, 'dayClose.close', { countedCashFen: cashFen, note: '' }, token)
    expect(closed).toMatchObject({ takingsFen: cashFen, differenceFen: 0, reEntered: [] })
  })

  it('a counter sale’s refund a kept close counted is re-entered without taking its cash out again', async () => {
    const shop = await fileShop()
    const { app, adminToken } = shop
    const { copy, refundInput: input } = await chargerSoldBeforeTheCopy(shop)
    const refund = await callOk(app, 'counterSales.refund', input, adminToken)
    const close = await callOk(app, 'dayClose.close', { countedCashFen: 0, note: DRAWER_NOT_COUNTED }, adminToken)
    await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    const token = await signInAgain(app)

    await callOk(app, 'counterSales.refund', { ...input, droppedMoneyChecked: true }, token)
    const preview = await callOk(app, 'dayClose.preview', {}, token)
    // Counted by the kept close, money and count alike: this close neither expects its cash nor counts it a refund.
    expect(close).toMatchObject({ counterSaleRefunds: 1 })
    expect(preview).toMatchObject({ expectedCashFen: 0, refundsFen: 0, byMethod: [], counterSaleRefunds: 0 })
    expect(preview.reEntered).toMatchObject([
      { kind: 'refund', alreadyCountedFen: -5_000, droppedDocumentNumber: refund.number, dayCloseNumber: close.number }
    ])
  })

  it('a deposit excess a kept close counted going back is not taken out of the drawer again when the job is charged again', async () => {
    const { app, adminToken, clock } = await fileShop()
    const job = await finishedJob(app, adminToken, {
      serviceType: 'paid_repair',
      intake: { depositFen: 60_000, depositMethod: 'cash' }
    })
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    clock.advance(MINUTE)
    const paid = await payJob(app, adminToken, job.id, { tenders: [] })
    expect(paid.totals.depositReturnedFen).toBeGreaterThan(0)
    const close = await callOk(app, 'dayClose.close', { countedCashFen: 0, note: DRAWER_NOT_COUNTED }, adminToken)
    await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    const token = await signInAgain(app)

    // The deposit excess handed back (the receipt's one dropped payment) stops charging the job again.
    expect(await callOk(app, 'backups.droppedMoney', { workOrderId: job.id }, token)).toMatchObject([
      { kind: 'deposit_return', documentNumber: paid.number }
    ])
    const refused = await callError(app, 'checkout.pay', { workOrderId: job.id, tenders: [] }, token)
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.droppedMoneyOnRecord' })
    await payJob(app, token, job.id, { tenders: [], droppedMoneyChecked: true })
    expect(await callOk(app, 'backups.droppedMoney', { workOrderId: job.id }, token)).toEqual([])
    const preview = await callOk(app, 'dayClose.preview', {}, token)
    // The receipt, and the deposit it applied, were counted by the kept close with the dropped receipt.
    expect(close).toMatchObject({ invoices: 1, depositsAppliedFen: paid.totals.depositAppliedFen })
    expect(preview).toMatchObject({
      expectedCashFen: 0,
      depositsReturnedFen: 0,
      takingsFen: 0,
      invoices: 0,
      depositsAppliedFen: 0
    })
    expect(preview.reEntered).toMatchObject([
      { kind: 'deposit_return', alreadyCountedFen: -paid.totals.depositReturnedFen, dayCloseNumber: close.number }
    ])
  })
})
