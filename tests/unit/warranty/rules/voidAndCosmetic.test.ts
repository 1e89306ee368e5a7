import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATEGORY_KEYS, addDays } from '../../../../src-shared/domain/warranty/policy'
import {
  checkIn,
  cosmetic,
  lookUp,
  performance,
  reasonKeys,
  ruleShop,
  sell,
  type Condition,
  type RuleShop
} from './fixtures'

// Judged on the last day of a month; the sale is `day` days before it (民法典 第201条: the sale
// day is not counted, so day 7 is the last day of the 7-day window).
const TODAY = '2026-03-31'

const VOIDS_ARTICLE =
  '《部分商品修理更换退货责任规定》第十八条 / 《移动电话机商品修理更换退货责任规定》不实行三包 / 《微型计算机商品修理更换退货责任规定》不实行三包'

interface VoidRow {
  article: string
  condition: Partial<Condition>
  reason: string
  day: number
}

const VOID_ROWS: VoidRow[] = [
  { article: `${VOIDS_ARTICLE} (进液)`, condition: { liquidMarks: true }, reason: 'liquid_damage', day: 3 },
  { article: `${VOIDS_ARTICLE} (进液)`, condition: { liquidMarks: true }, reason: 'liquid_damage', day: 200 },
  { article: `${VOIDS_ARTICLE} (外力损坏)`, condition: { cracks: true }, reason: 'physical_damage', day: 7 },
  { article: `${VOIDS_ARTICLE} (外力损坏)`, condition: { cracks: true }, reason: 'physical_damage', day: 16 },
  {
    article: `${VOIDS_ARTICLE} (三包凭证型号或编号与实物不符、涂改)`,
    condition: { serialMismatch: true },
    reason: 'serial_tampered',
    day: 1
  },
  {
    article: `${VOIDS_ARTICLE} (三包凭证型号或编号与实物不符、涂改)`,
    condition: { serialMismatch: true },
    reason: 'serial_tampered',
    day: 90
  }
]

describe('a void condition: 不实行三包，可以收费修理 (a paid repair, with the reason)', () => {
  let shop: RuleShop
  let token: string
  beforeAll(async () => {
    shop = await ruleShop(TODAY)
    token = await shop.on(TODAY)
  })
  afterAll(() => shop.close())

  for (const category of CATEGORY_KEYS) {
    for (const row of VOID_ROWS) {
      it(`${category}, ${row.reason} recorded at intake, day ${row.day} after the sale — ${row.article}`, async () => {
        const serial = await sell(shop, token, { category, purchaseDate: addDays(TODAY, -row.day) })
        await checkIn(shop, token, serial, row.condition)
        const verdict = await lookUp(shop, token, serial, performance())
        expect(verdict.evaluation.verdict).toBe('paid_repair')
        expect(verdict.evaluation.reasons).toContainEqual({
          key: 'warranty.reason.voidUnit',
          params: { reason: row.reason }
        })
      })
    }
  }

  it('a job taken in without the serial check is no void (the new question defaults to no) — 《部分商品…》第十八条(四)', async () => {
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: addDays(TODAY, -30) })
    await checkIn(shop, token, serial, {})
    const verdict = await lookUp(shop, token, serial, performance())
    expect(verdict.evaluation.verdict).toBe('free_repair')
    expect(reasonKeys(verdict)).not.toContain('warranty.reason.voidUnit')
  })
})

const COSMETIC_ARTICLE =
  '《部分商品修理更换退货责任规定》第九、十条 / 《移动电话机商品修理更换退货责任规定》第十一、十二条 / 《微型计算机商品修理更换退货责任规定》第十一、十二条 (only 性能故障 give 三包)'

/** day after the sale → the reasons besides the start, in order */
const COSMETIC_ROWS: { day: number; reasons: string[] }[] = [
  { day: 0, reasons: ['warranty.reason.appearanceNoRefundExchange', 'warranty.reason.appearanceNotCovered'] },
  { day: 7, reasons: ['warranty.reason.appearanceNoRefundExchange', 'warranty.reason.appearanceNotCovered'] },
  { day: 8, reasons: ['warranty.reason.appearanceNoRefundExchange', 'warranty.reason.appearanceNotCovered'] },
  { day: 15, reasons: ['warranty.reason.appearanceNoRefundExchange', 'warranty.reason.appearanceNotCovered'] },
  { day: 16, reasons: ['warranty.reason.appearanceNotCovered'] },
  { day: 300, reasons: ['warranty.reason.appearanceNotCovered'] }
]

describe('a cosmetic fault that is no listed performance fault: not covered, even within the 7 days', () => {
  let shop: RuleShop
  let token: string
  beforeAll(async () => {
    shop = await ruleShop(TODAY)
    token = await shop.on(TODAY)
  })
  afterAll(() => shop.close())

  for (const category of CATEGORY_KEYS) {
    for (const row of COSMETIC_ROWS) {
      it(`${category}, day ${row.day} after the sale — ${COSMETIC_ARTICLE}`, async () => {
        const serial = await sell(shop, token, { category, purchaseDate: addDays(TODAY, -row.day) })
        const verdict = await lookUp(shop, token, serial, cosmetic())
        expect(verdict.evaluation.verdict).toBe('not_covered')
        expect(reasonKeys(verdict)).toEqual(['warranty.reason.startInvoice', ...row.reasons])
      })
    }
  }
})
