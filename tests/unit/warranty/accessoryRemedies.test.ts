import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { addDays } from '../../../src-shared/domain/warranty/policy'
import { callError, callOk, createUserAndSignIn } from '../helpers'
import { tableCounts } from '../parts/fixtures'
import { charger } from './accessoryFixtures'
import { lookUp, performance, reasonKeys, ruleShop, sell, type RuleShop } from './rules/fixtures'

/**
 * 《移动电话机商品修理更换退货责任规定》, the accessories' own remedy: 免费更换同品牌同型号同规格的附件;
 * 更换两次仍不能正常使用的, 退货. The counter records the exchange: stock leaves through the ledger,
 * the faulty one comes back as a faulty return, the unit's history (and HQ) keeps it.
 */
const SOLD = '2026-01-31'

function ledger(app: AppContext, reference: string) {
  return app.sqlite
    .prepare(
      'SELECT kind, quantity, value_fen AS valueFen, serial FROM stock_movements WHERE reference = ? ORDER BY seq'
    )
    .all(reference)
}

function onHand(app: AppContext, partId: string): number {
  return (app.sqlite.prepare('SELECT on_hand AS n FROM parts WHERE id = ?').get(partId) as { n: number }).n
}

describe('a 三包 accessory exchanged or refunded at the counter', () => {
  let shop: RuleShop
  beforeAll(async () => {
    shop = await ruleShop(SOLD)
  })
  afterAll(() => shop.close())

  it('the new charger leaves stock once, the faulty one is a faulty return, the history, audit and HQ keep it', async () => {
    const token = await shop.on(SOLD)
    const part = await charger(shop.app, token, null)
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const day3 = await shop.on(addDays(SOLD, 3))
    const claim = performance('charger', 'S01')
    const before = await lookUp(shop, day3, serial, claim)
    expect(before.evaluation.verdict).toBe('accessory_exchange')
    expect(before.accessoryRemedies).toEqual([])

    const { verdict, remedy } = await callOk(
      shop.app,
      'warranty.exchangeAccessory',
      { unitId: before.unit.id, claim, partId: part.id, faultySerial: 'old-chg-1' },
      day3
    )
    expect(remedy).toMatchObject({
      unitId: before.unit.id,
      kind: 'exchange',
      component: 'charger',
      faultCode: 'S01',
      partNumber: part.partNumber,
      serial: null,
      faultySerial: 'OLD-CHG-1'
    })
    expect(remedy.number).toMatch(/^PJ-\d{6}-\d{4}$/)
    expect(verdict.accessoryRemedies).toEqual([remedy])
    // The new one left at cost; the faulty one came back at that value and went on to the brand.
    expect(ledger(shop.app, remedy.number)).toEqual([
      { kind: 'issue', quantity: -1, valueFen: -6_000, serial: null },
      { kind: 'return', quantity: 1, valueFen: 6_000, serial: null },
      { kind: 'faulty_return', quantity: -1, valueFen: -6_000, serial: null }
    ])
    expect(onHand(shop.app, part.id)).toBe(2)
    expect((await callOk(shop.app, 'parts.verifyLedger', {}, day3)).mismatches).toEqual([])
    const audit = await callOk(shop.app, 'audit.list', { action: 'warranty.exchangeAccessory' }, day3)
    expect(audit.rows.map((entry) => entry.entityId)).toEqual([remedy.id])
    const outbox = shop.app.sqlite
      .prepare(`SELECT entity_id AS id FROM outbox WHERE entity = 'warranty_accessory_remedy'`)
      .all()
    expect(outbox).toEqual([{ id: remedy.id }])
    // The lookup shows it, and its slip's data is there to print.
    const again = await lookUp(shop, day3, serial, performance())
    expect(again.accessoryRemedies).toEqual([remedy])
    const slip = await callOk(shop.app, 'warranty.accessoryRemedy', { id: remedy.id }, day3)
    expect(slip).toEqual({ remedy, unit: again.unit })
  })

  it('exchanged twice, a third failure of the same charger is its refund: paid once, counted in the day close', async () => {
    const token = await shop.on(SOLD)
    const part = await charger(shop.app, token, null)
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const claim = performance('charger', 'S01')
    for (const day of ['2026-03-01', '2026-04-01']) {
      const on = await shop.on(day)
      const unitId = (await lookUp(shop, on, serial, claim)).unit.id
      // Not refunded while an exchange is what is due.
      expect(
        await callError(shop.app, 'warranty.refundAccessory', { unitId, claim, partId: part.id, method: 'cash' }, on)
      ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.accessoryRefundNotDue' })
      await callOk(shop.app, 'warranty.exchangeAccessory', { unitId, claim, partId: part.id }, on)
    }
    const on = await shop.on('2026-05-01')
    const third = await lookUp(shop, on, serial, claim)
    expect(third.evaluation.verdict).toBe('accessory_refund')
    expect(reasonKeys(third)).toContain('warranty.reason.accessoryRefund')
    expect(third.evaluation.extensionDays).toBe(0)
    expect((await lookUp(shop, on, serial, performance('battery', 'S01'))).evaluation.verdict).toBe(
      'accessory_exchange'
    )
    // No third exchange: the refund is due, not another charger.
    const counts = tableCounts(shop.app)
    const unitId = third.unit.id
    expect(
      await callError(shop.app, 'warranty.exchangeAccessory', { unitId, claim, partId: part.id }, on)
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.accessoryExchangeNotDue' })
    expect(tableCounts(shop.app)).toEqual(counts)

    const before = await callOk(shop.app, 'dayClose.preview', {}, on)
    const { remedy, verdict } = await callOk(
      shop.app,
      'warranty.refundAccessory',
      { unitId, claim, partId: part.id, method: 'wechat_pay' },
      on
    )
    // The charger's price in the catalogue (sold with the phone), paid out once, by WeChat.
    expect(remedy).toMatchObject({
      kind: 'refund',
      component: 'charger',
      refund: { amountFen: 14_900, method: 'wechat_pay' }
    })
    expect(remedy.number).toMatch(/^PJ-\d{6}-\d{4}$/)
    expect(verdict.accessoryRemedies.map((r) => r.kind)).toEqual(['refund', 'exchange', 'exchange'])
    const payments = shop.app.sqlite
      .prepare(`SELECT kind, method, amount_fen AS amountFen FROM payments WHERE reason = ?`)
      .all(remedy.number)
    expect(payments).toEqual([{ kind: 'refund', method: 'wechat_pay', amountFen: -14_900 }])
    expect(ledger(shop.app, remedy.number)).toEqual([])
    const after = await callOk(shop.app, 'dayClose.preview', {}, on)
    expect(after.refundsFen - before.refundsFen).toBe(14_900)
    expect(after.takingsFen - before.takingsFen).toBe(-14_900)
    const audit = await callOk(shop.app, 'audit.list', { action: 'warranty.refundAccessory' }, on)
    expect(audit.rows.map((entry) => entry.entityId)).toEqual([remedy.id])

    // Refunded once: asked again (a retry, another desk) nothing more is paid.
    const paid = tableCounts(shop.app)
    expect(
      await callError(shop.app, 'warranty.refundAccessory', { unitId, claim, partId: part.id, method: 'cash' }, on)
    ).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.accessoryAlreadyRefunded',
      details: { date: '2026-05-01' }
    })
    expect(tableCounts(shop.app)).toEqual(paid)
    expect(shop.app.sqlite.prepare(`SELECT COUNT(*) AS n FROM payments WHERE kind = 'refund'`).get()).toEqual({ n: 1 })
  })

  it('an accessory sold on its own is refunded at its invoice price; a part without a price needs one', async () => {
    const token = await shop.on(SOLD)
    const free = await callOk(
      shop.app,
      'parts.create',
      { partNumber: 'HS-FREE', name: '原装耳机', barcodes: [], sellingPriceFen: 0, zeroPriceConfirmed: true },
      token
    )
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const claim = performance('wired_headset', 'S01')
    for (const day of ['2026-02-10', '2026-03-10']) {
      const on = await shop.on(day)
      const unitId = (await lookUp(shop, on, serial, claim)).unit.id
      const part = await charger(shop.app, on, null)
      await callOk(shop.app, 'warranty.exchangeAccessory', { unitId, claim, partId: part.id }, on)
    }
    const on = await shop.on('2026-04-10')
    const unitId = (await lookUp(shop, on, serial, claim)).unit.id
    const counts = tableCounts(shop.app)
    const input = { unitId, claim, partId: free.id, method: 'cash' as const }
    expect(await callError(shop.app, 'warranty.refundAccessory', input, on)).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'invoicePriceFen', messageKey: 'errors.accessoryPriceUnknown' }] }
    })
    expect(tableCounts(shop.app)).toEqual(counts)
    const { remedy } = await callOk(shop.app, 'warranty.refundAccessory', { ...input, invoicePriceFen: 9_900 }, on)
    expect(remedy.refund).toEqual({ amountFen: 9_900, method: 'cash' })
    const slip = await callOk(shop.app, 'warranty.accessoryRemedy', { id: remedy.id }, on)
    expect(slip.remedy).toEqual(remedy)
  })

  it('refused, nothing changes: not an accessory’s remedy, no serial for a tracked part, an empty shelf, a refunded unit', async () => {
    const token = await shop.on(SOLD)
    const plain = await charger(shop.app, token, null)
    const tracked = await charger(shop.app, token, ['CS-1'])
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const day3 = await shop.on(addDays(SOLD, 3))
    const claim = performance('charger', 'S01')
    const unitId = (await lookUp(shop, day3, serial, claim)).unit.id
    const counts = tableCounts(shop.app)
    const exchange = (input: Record<string, unknown>) =>
      callError(shop.app, 'warranty.exchangeAccessory', { unitId, claim, partId: plain.id, ...input }, day3)

    // The phone itself is refunded on day 3: that is no accessory exchange.
    expect(await exchange({ claim: performance(null, 'S01') })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.accessoryExchangeNotDue'
    })
    expect(await exchange({ partId: tracked.id })).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'serial', messageKey: 'validation.serialRequired' }] }
    })
    expect(await exchange({ partId: tracked.id, serial: 'CS-9' })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.serialNotOnHand'
    })
    expect(await exchange({ serial: 'X-1' })).toMatchObject({
      details: { fields: [{ path: 'serial', messageKey: 'validation.partNotSerialTracked' }] }
    })
    expect(await exchange({ unitId: plain.id })).toMatchObject({ code: 'NOT_FOUND' })
    expect(tableCounts(shop.app)).toEqual(counts)
    expect(onHand(shop.app, plain.id)).toBe(3)

    // A tracked one leaves by its serial, which is then off the shelf. An empty shelf gives none.
    const { remedy } = await callOk(
      shop.app,
      'warranty.exchangeAccessory',
      { unitId, claim, partId: tracked.id, serial: 'cs-1' },
      day3
    )
    expect(remedy.serial).toBe('CS-1')
    expect(await callOk(shop.app, 'parts.serialsOnHand', { partId: tracked.id }, day3)).toEqual([])
    const none = await charger(shop.app, day3, null, 0)
    const counted = tableCounts(shop.app)
    expect(await exchange({ partId: none.id })).toMatchObject({ code: 'STOCK_INSUFFICIENT' })
    expect(tableCounts(shop.app)).toEqual(counted)

    // A unit given back for its refund has no accessory left to exchange.
    await callOk(shop.app, 'warranty.refund', { unitId, claim: null }, day3)
    expect(await exchange({})).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.alreadyRefunded' })
    expect(onHand(shop.app, plain.id)).toBe(3)
    expect((await lookUp(shop, day3, serial, performance())).accessoryRemedies).toEqual([remedy])
  })

  it('the unit exchange’s rights: a manager gives it, the front desk and the technician may not', async () => {
    const token = await shop.on(SOLD)
    const part = await charger(shop.app, token, null)
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const day3 = await shop.on(addDays(SOLD, 3))
    const claim = performance('charger', 'S01')
    const unitId = (await lookUp(shop, day3, serial, claim)).unit.id
    const input = { unitId, claim, partId: part.id }
    for (const role of ['front_desk', 'technician', 'warehouse_clerk'] as const) {
      const user = await createUserAndSignIn(shop.app, day3, role)
      expect((await callError(shop.app, 'warranty.exchangeAccessory', input, user.token)).code).toBe('FORBIDDEN')
    }
    expect(onHand(shop.app, part.id)).toBe(3)
    const refund = { unitId, claim, partId: part.id, method: 'cash' }
    const desk1 = await createUserAndSignIn(shop.app, day3, 'front_desk')
    expect((await callError(shop.app, 'warranty.refundAccessory', refund, desk1.token)).code).toBe('FORBIDDEN')
    const manager = await createUserAndSignIn(shop.app, day3, 'manager')
    const { remedy } = await callOk(shop.app, 'warranty.exchangeAccessory', input, manager.token)
    expect(remedy.createdByName).toBe(manager.user.displayName)
    expect(onHand(shop.app, part.id)).toBe(2)
    // The desk prints the slip.
    const desk = await createUserAndSignIn(shop.app, day3, 'front_desk')
    expect((await callOk(shop.app, 'warranty.accessoryRemedy', { id: remedy.id }, desk.token)).remedy).toEqual(remedy)
  })
})
