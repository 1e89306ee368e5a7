import { describe, expect, it, vi } from 'vitest'
import { ADMIN, auditRows, callError, callOk, createUserAndSignIn, MINUTE } from '../helpers'
import { chargerSoldBeforeTheCopy, fileShopPerTest, signInAgain } from './fixtures'
import { moneyAfterTheCopy, payJob } from './moneyAfterTheCopy'

// Jobs driven to the counter, a day close and a restore: slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000 })

const fileShop = fileShopPerTest()

/** Money moved after the copy, and the day closed (moneyAfterTheCopy.ts). */
async function movedAndClosed() {
  const moved = await moneyAfterTheCopy(await fileShop())
  return { ...moved, close: moved.close! }
}

describe('a restore never makes the counter pay or charge twice', () => {
  it('names the money recorded after the copy in the preview and the answer, and lists it on the restored data', async () => {
    const { app, adminToken, copy, jobA, jobB, invoiceA, invoiceB, note, close } = await movedAndClosed()
    const refund = {
      kind: 'refund',
      amountFen: note.paidFen,
      method: 'cash',
      documentNumber: note.number,
      workOrderId: jobA.id,
      workOrderNumber: jobA.number,
      refundsDocumentId: invoiceA.id,
      byName: ADMIN.displayName,
      dayCloseNumber: close.number
    }
    const payment = {
      kind: 'payment',
      amountFen: invoiceB.paidFen,
      method: 'cash',
      documentNumber: invoiceB.number,
      workOrderId: jobB.id,
      workOrderNumber: jobB.number,
      refundsDocumentId: null,
      dayCloseNumber: close.number
    }
    const preview = await callOk(app, 'backups.previewRestore', { name: copy.name }, adminToken)
    expect(preview.money).toEqual({
      dropped: [expect.objectContaining(refund), expect.objectContaining(payment)],
      keptDayCloses: [close.number]
    })
    expect(preview.money!.dropped[1]!.customerName).not.toBe('')

    const result = await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(result.money).toEqual(preview.money)
    expect(auditRows(app, 'backups.restore')).toMatchObject([{ after: { money: result.money } }])

    const token = await signInAgain(app)
    const listed = await callOk(app, 'backups.droppedMoney', {}, token)
    expect(listed).toEqual([
      expect.objectContaining({ ...refund, backupName: copy.name, dealtWithAt: null }),
      expect.objectContaining({ ...payment, backupName: copy.name, dealtWithAt: null })
    ])
    expect(await callOk(app, 'backups.droppedMoney', { workOrderId: jobB.id }, token)).toMatchObject([payment])
  })

  it('keeps a day closed after the copy closed over what the copy holds, so its cash is not counted again', async () => {
    const { app, adminToken, copy, invoiceA, close } = await movedAndClosed()
    await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    const token = await signInAgain(app)

    const kept = await callOk(app, 'dayClose.get', { id: close.id! }, token)
    expect(kept).toMatchObject({ number: close.number, countedCashFen: 0, expectedCashFen: close.expectedCashFen })
    // Job A's payment, taken before the copy, was counted by that close: it stays counted by it.
    expect(kept.payments.map((row) => row.invoiceId)).toEqual([invoiceA.id])
    expect((await callError(app, 'dayClose.close', { countedCashFen: 0, note: '' }, token)).messageKey).toBe(
      'errors.nothingToClose'
    )
    expect(await callOk(app, 'dayClose.list', {}, token)).toMatchObject([{ number: close.number }])
  })

  it('a refund or charge a dropped record may already have made stops, naming it, until a manager goes on', async () => {
    const { app, adminToken, copy, jobB, note, invoiceB, refundInput } = await movedAndClosed()
    await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    const token = await signInAgain(app)

    const refused = await callError(app, 'checkout.creditNote', refundInput, token)
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.droppedMoneyOnRecord' })
    expect(refused.details?.records).toContain(note.number)
    const again = await callOk(app, 'checkout.creditNote', { ...refundInput, droppedMoneyChecked: true }, token)
    expect(again.kind).toBe('credit_note')
    // The manager's go-ahead is audited under the refund's own operation, in its transaction.
    expect(auditRows(app, 'checkout.creditNote').filter((row) => row.entity === 'restore_dropped_money')).toMatchObject(
      [{ before: { documentNumber: note.number }, after: { dealtWithAt: expect.any(String) } }]
    )

    const frontDesk = await createUserAndSignIn(app, token, 'front_desk')
    const charge = await callError(
      app,
      'checkout.pay',
      { workOrderId: jobB.id, tenders: [{ method: 'cash', amountFen: 100_000 }] },
      frontDesk.token
    )
    expect(charge).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.droppedMoneyOnRecord' })
    expect(charge.details?.records).toContain(invoiceB.number)
    const noManager = await callError(
      app,
      'checkout.pay',
      { workOrderId: jobB.id, tenders: [{ method: 'cash', amountFen: 100_000 }], droppedMoneyChecked: true },
      frontDesk.token
    )
    expect(noManager).toMatchObject({ code: 'APPROVAL_REQUIRED', messageKey: 'backups.droppedMoneyNeedsManager' })
    // Nothing changed by the refusals: the job is still unbilled and its record still stands.
    expect(await callOk(app, 'backups.droppedMoney', { workOrderId: jobB.id }, token)).toHaveLength(1)
    const paid = await payJob(app, frontDesk.token, jobB.id, {
      droppedMoneyChecked: true,
      managerApproval: { username: ADMIN.username, password: ADMIN.password }
    })
    expect(paid.kind).toBe('invoice')
    expect(await callOk(app, 'backups.droppedMoney', {}, token)).toEqual([])
    expect(await callOk(app, 'backups.droppedMoney', { includeDealtWith: true }, token)).toHaveLength(2)
  })

  it('a manager marks a dropped record dealt with once, audited; it then leaves the alerts', async () => {
    const { app, adminToken, copy, jobB } = await movedAndClosed()
    await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    const token = await signInAgain(app)
    const payment = (await callOk(app, 'backups.droppedMoney', {}, token))[1]!
    const frontDesk = await createUserAndSignIn(app, token, 'front_desk')
    expect(
      (await callError(app, 'backups.markDroppedMoneyDealtWith', { id: payment.id, note: '' }, frontDesk.token)).code
    ).toBe('FORBIDDEN')

    // The close kept from after the copy counted it: marked with the word it will not be re-entered.
    const marked = await callOk(
      app,
      'backups.markDroppedMoneyDealtWith',
      { id: payment.id, note: '客户已付，补录收款', notReEntered: true },
      token
    )
    expect(marked).toMatchObject({ dealtWithByName: ADMIN.displayName, dealtWithNote: '客户已付，补录收款' })
    expect(auditRows(app, 'backups.markDroppedMoneyDealtWith')).toMatchObject([
      { entityId: payment.id, before: { dealtWithAt: null }, after: { dealtWithNote: '客户已付，补录收款' } }
    ])
    expect(
      (await callError(app, 'backups.markDroppedMoneyDealtWith', { id: payment.id, note: '' }, token)).messageKey
    ).toBe('backups.droppedMoneyAlreadyDealtWith')
    expect(await callOk(app, 'backups.droppedMoney', { workOrderId: jobB.id }, token)).toEqual([])
    // The job is charged as any other now.
    expect((await payJob(app, token, jobB.id)).kind).toBe('invoice')
  })

  it('a second restore, to an older copy, keeps the first one’s list as well as its own', async () => {
    const { app, adminToken, clock, copy, earlier, invoiceA, note, invoiceB } = await movedAndClosed()
    await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    clock.advance(MINUTE)
    const token = await signInAgain(app)
    const result = await callOk(app, 'backups.restore', { name: earlier.name }, token)
    // Job A's payment was taken after the older copy: this restore drops it; the list comes along.
    expect(result.money?.dropped.map((row) => row.documentNumber)).toEqual([invoiceA.number])
    const listed = await callOk(app, 'backups.droppedMoney', {}, await signInAgain(app))
    expect(listed.map((row) => [row.backupName, row.documentNumber])).toEqual([
      [earlier.name, invoiceA.number],
      [copy.name, note.number],
      [copy.name, invoiceB.number]
    ])
  })

  it('a counter sale refunded after the copy is not refunded again without a manager going on', async () => {
    const shop = await fileShop()
    const { app, adminToken } = shop
    const { copy, refundInput: input } = await chargerSoldBeforeTheCopy(shop)
    const refund = await callOk(app, 'counterSales.refund', input, adminToken)
    await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    const token = await signInAgain(app)

    const refused = await callError(app, 'counterSales.refund', input, token)
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.droppedMoneyOnRecord' })
    expect(refused.details?.records).toContain(refund.number)
    const again = await callOk(app, 'counterSales.refund', { ...input, droppedMoneyChecked: true }, token)
    expect(again.kind).toBe('refund')
    expect(await callOk(app, 'backups.droppedMoney', {}, token)).toEqual([])
  })
})
