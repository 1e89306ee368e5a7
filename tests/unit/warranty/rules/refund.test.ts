import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RemedyRule, Verdict } from '../../../../src-shared/domain/warranty/verdict'
import { addDays } from '../../../../src-shared/domain/warranty/policy'
import { auditRows, callError, callOk, createUserAndSignIn } from '../../helpers'
import {
  checkIn,
  cosmetic,
  lookUp,
  performance,
  reasonKeys,
  ruleShop,
  sell,
  warrantyRepairs,
  type Category,
  type RuleShop
} from './fixtures'

const PHONES = '《移动电话机商品修理更换退货责任规定》'
const COMPUTERS = '《微型计算机商品修理更换退货责任规定》'
const GOODS_1995 = '《部分商品修理更换退货责任规定》'
/** Per category: the article of the 7-day refund, and of the exchange (no refund) from day 8. */
const ARTICLES: [Category, string, string][] = [
  ['mobile_phone', `${PHONES}第十一条`, `${PHONES}第十二条`],
  ['laptop_computer', `${COMPUTERS}第十一条`, `${COMPUTERS}第十二条`],
  ['desktop_computer', `${COMPUTERS}第十一条`, `${COMPUTERS}第十二条`],
  ['tv', `${GOODS_1995}第九条`, `${GOODS_1995}第十条`],
  ['refrigerator', `${GOODS_1995}第九条`, `${GOODS_1995}第十条`],
  ['washing_machine', `${GOODS_1995}第九条`, `${GOODS_1995}第十条`],
  ['air_conditioner', `${GOODS_1995}第九条`, `${GOODS_1995}第十条`]
]

// Sold on a month's last day: the 7 days end 2026-02-07 (民法典 第201条: the sale day not counted).
const SOLD = '2026-01-31'
const LAST_REFUND_DAY = '2026-02-07'

interface Row {
  article: string
  category: Category
  on: string
  verdict: Verdict
  /** the rule the refund is stored with; null: the refund is refused */
  rule: RemedyRule | null
}

const ROWS: Row[] = ARTICLES.flatMap(([category, refundArticle, exchangeArticle]): Row[] => [
  {
    article: `${refundArticle} (7 日内: 退货)`,
    category,
    on: LAST_REFUND_DAY,
    verdict: 'refund',
    rule: 'refund_window'
  },
  {
    article: `${exchangeArticle} (15 日内: 换货, 不退货)`,
    category,
    on: addDays(LAST_REFUND_DAY, 1),
    verdict: 'exchange',
    rule: null
  }
])

describe('a refund at the counter is accepted exactly when the lookup offers one, and keeps its rule', () => {
  const serials = new Map<Row, string>()
  let shop: RuleShop
  beforeAll(async () => {
    shop = await ruleShop(SOLD)
    const seller = await shop.on(SOLD)
    for (const row of ROWS) serials.set(row, await sell(shop, seller, { category: row.category, purchaseDate: SOLD }))
  })
  afterAll(() => shop.close())

  for (const row of ROWS) {
    it(`${row.category} on ${row.on} → ${row.verdict}, refund ${row.rule ?? 'refused'} — ${row.article}`, async () => {
      const token = await shop.on(row.on)
      const serial = serials.get(row)!
      const offered = await lookUp(shop, token, serial, performance())
      expect(offered.evaluation.verdict).toBe(row.verdict)
      const input = { unitId: offered.unit.id, claim: performance() }
      if (row.rule === null) {
        expect(await callError(shop.app, 'warranty.refund', input, token)).toMatchObject({
          code: 'CONFLICT',
          messageKey: 'errors.refundNotDue'
        })
        return
      }
      const refunded = await callOk(shop.app, 'warranty.refund', input, token)
      expect(refunded.unit).toMatchObject({ refundedOn: row.on, refundRule: row.rule })
      expect(refunded.evaluation.verdict).toBe('not_covered')
      expect(reasonKeys(refunded)).toContain('warranty.reason.refunded')
    })
  }
})

describe('the 1995 goods: a customer due an exchange may take a refund instead (《部分商品…》第十三条)', () => {
  let shop: RuleShop
  beforeAll(async () => {
    shop = await ruleShop('2025-01-31')
  })
  afterAll(() => shop.close())

  it('repaired twice, failing again: a refrigerator is refunded, a washing machine exchanged, under the second-repair rule; a phone is not refunded — 《部分商品…》第十一条、第十三条; 《移动电话机…》第十三条', async () => {
    const seller = await shop.on('2025-01-31')
    const fridge = await sell(shop, seller, { category: 'refrigerator', purchaseDate: '2025-01-31' })
    const phone = await sell(shop, seller, { category: 'mobile_phone', purchaseDate: '2025-01-31' })
    const washer = await sell(shop, seller, { category: 'washing_machine', purchaseDate: '2025-01-31' })
    const units = [fridge, phone, washer].map((serial) => ({ serial, location: null }))
    await warrantyRepairs(shop, units, 'S01', '2025-03-02', '2025-03-07')
    await warrantyRepairs(shop, units, 'S01', '2025-04-01', '2025-04-03')
    const token = await shop.on('2025-06-02')
    const claim = performance(null, 'S01')
    const fridgeVerdict = await lookUp(shop, token, fridge, claim)
    expect(fridgeVerdict.evaluation).toMatchObject({ verdict: 'exchange_or_refund', remedyRule: 'second_repair' })
    const refunded = await callOk(shop.app, 'warranty.refund', { unitId: fridgeVerdict.unit.id, claim }, token)
    expect(refunded.unit).toMatchObject({ refundedOn: '2025-06-02', refundRule: 'second_repair' })
    // The same choice taken the other way: the exchange accepts it too.
    const washerVerdict = await lookUp(shop, token, washer, claim)
    expect(washerVerdict.evaluation.verdict).toBe('exchange_or_refund')
    const input = { unitId: washerVerdict.unit.id, newSerial: `${washer}-NEW`, claim }
    expect((await callOk(shop.app, 'warranty.exchange', input, token)).unit.exchangeRule).toBe('second_repair')
    const phoneVerdict = await lookUp(shop, token, phone, claim)
    expect(phoneVerdict.evaluation.verdict).toBe('exchange')
    expect(
      (await callError(shop.app, 'warranty.refund', { unitId: phoneVerdict.unit.id, claim }, token)).messageKey
    ).toBe('errors.refundNotDue')
  })

  it('waiting for parts over 90 days: a TV is refunded on day 91, not on day 90 — 《部分商品…》第十二条、第十三条', async () => {
    let token = await shop.on('2025-08-01')
    const tv = await sell(shop, token, { category: 'tv', purchaseDate: '2025-07-01' })
    const job = await checkIn(shop, token, tv)
    await callOk(
      shop.app,
      'workOrders.setWaiting',
      { id: job.id, waiting: { cause: 'parts_not_supplied', since: '2025-08-01' } },
      token
    )
    token = await shop.on('2025-10-30')
    const day90 = await lookUp(shop, token, tv, performance())
    expect(day90.evaluation.verdict).toBe('free_repair')
    expect(
      (await callError(shop.app, 'warranty.refund', { unitId: day90.unit.id, claim: performance() }, token)).messageKey
    ).toBe('errors.refundNotDue')
    token = await shop.on('2025-10-31')
    const day91 = await lookUp(shop, token, tv, performance())
    expect(day91.evaluation).toMatchObject({ verdict: 'exchange_or_refund', remedyRule: 'waiting_limit' })
    expect(reasonKeys(day91)).toEqual(
      expect.arrayContaining(['warranty.reason.waitingLimitReached', 'warranty.reason.refundInsteadOfExchange'])
    )
    const refunded = await callOk(shop.app, 'warranty.refund', { unitId: day91.unit.id, claim: performance() }, token)
    expect(refunded.unit.refundRule).toBe('waiting_limit')
  })
})

describe('the refund as a change: one transaction, audited, sent to HQ, given back once', () => {
  let shop: RuleShop
  beforeAll(async () => {
    shop = await ruleShop('2026-03-02')
  })
  afterAll(() => shop.close())

  it('writes the unit, its audit row and its outbox row; a second refund or an exchange is refused — 《移动电话机…》第十一条', async () => {
    const token = await shop.on('2026-03-02')
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: '2026-03-01' })
    const { unit } = await lookUp(shop, token, serial, performance())
    await callOk(shop.app, 'warranty.refund', { unitId: unit.id, claim: performance() }, token)
    const audit = auditRows(shop.app, 'warranty.refund')
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      entity: 'warranty_unit',
      entityId: unit.id,
      after: { refundRule: 'refund_window' }
    })
    const outbox = shop.app.sqlite
      .prepare(`SELECT payload_json FROM outbox WHERE entity = 'warranty_unit' AND entity_id = ? ORDER BY seq`)
      .all(unit.id) as { payload_json: string }[]
    expect(JSON.parse(outbox.at(-1)!.payload_json)).toMatchObject({
      refundedOn: '2026-03-02',
      refundRule: 'refund_window'
    })
    expect(await callError(shop.app, 'warranty.refund', { unitId: unit.id }, token)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.alreadyRefunded'
    })
    expect(
      await callError(shop.app, 'warranty.exchange', { unitId: unit.id, newSerial: `${serial}-NEW` }, token)
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.alreadyRefunded' })
    expect(auditRows(shop.app, 'warranty.refund')).toHaveLength(1)
  })

  it('an exchanged unit is not refunded; a cosmetic fault within 7 days is not refunded — 《部分商品…》第九条 (性能故障 only)', async () => {
    const token = await shop.on('2026-03-02')
    const exchanged = await sell(shop, token, { category: 'tv', purchaseDate: '2026-03-01' })
    const { unit } = await lookUp(shop, token, exchanged, performance())
    await callOk(shop.app, 'warranty.exchange', { unitId: unit.id, newSerial: `${exchanged}-NEW` }, token)
    expect((await callError(shop.app, 'warranty.refund', { unitId: unit.id }, token)).messageKey).toBe(
      'errors.alreadyExchanged'
    )
    const scratched = await sell(shop, token, { category: 'tv', purchaseDate: '2026-03-01' })
    const cosmeticVerdict = await lookUp(shop, token, scratched, cosmetic())
    expect(cosmeticVerdict.evaluation.verdict).toBe('not_covered')
    expect(
      (await callError(shop.app, 'warranty.refund', { unitId: cosmeticVerdict.unit.id, claim: cosmetic() }, token))
        .messageKey
    ).toBe('errors.refundNotDue')
  })

  it('judged on the fault date as the lookup was: a fault on day 7 brought in on day 10 is refunded — 《移动电话机…》第十一条', async () => {
    let token = await shop.on('2026-03-02')
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: '2026-03-02' })
    token = await shop.on('2026-03-12')
    const claim = { ...performance(), faultDate: '2026-03-09' }
    const { unit, evaluation } = await lookUp(shop, token, serial, claim)
    expect(evaluation.verdict).toBe('refund')
    expect((await callError(shop.app, 'warranty.refund', { unitId: unit.id }, token)).messageKey).toBe(
      'errors.refundNotDue'
    )
    const refunded = await callOk(shop.app, 'warranty.refund', { unitId: unit.id, claim }, token)
    expect(refunded.unit).toMatchObject({ refundedOn: '2026-03-12', refundRule: 'refund_window' })
  })

  it('only a manager or an admin records a refund', async () => {
    const token = await shop.on('2026-03-02')
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: '2026-03-01' })
    const { unit } = await lookUp(shop, token, serial, performance())
    const desk = await createUserAndSignIn(shop.app, token, 'front_desk')
    expect((await callError(shop.app, 'warranty.refund', { unitId: unit.id }, desk.token)).code).toBe('FORBIDDEN')
  })
})
