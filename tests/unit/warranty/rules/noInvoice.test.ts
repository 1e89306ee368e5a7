import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, addMonths } from '../../../../src-shared/domain/warranty/policy'
import { callOk } from '../../helpers'
import { lookUp, performance, reasonKeys, ruleShop, sell, type Category, type RuleShop } from './fixtures'

// Judged on the last day of a month.
const TODAY = '2026-03-31'

const PHONE_NO_INVOICE =
  '《移动电话机商品修理更换退货责任规定》 丢失发货票和三包凭证: 以出厂日期后的第90日为三包有效期的起始日期, 负责免费修理'

/** A phone sold without invoice or card, produced `producedDaysAgo` days before today. */
const PHONE_ROWS: { producedDaysAgo: number; verdict: string; reasons: string[]; note: string }[] = [
  {
    producedDaysAgo: 89,
    verdict: 'paid_repair',
    reasons: ['warranty.reason.fallbackNotStarted'],
    note: 'the day before the start: nothing'
  },
  {
    producedDaysAgo: 90,
    verdict: 'free_repair',
    reasons: ['warranty.reason.noInvoiceRepairOnly', 'warranty.reason.repairPeriod'],
    note: 'the start day (day 0): repair, not the 7-day refund'
  },
  {
    producedDaysAgo: 97,
    verdict: 'free_repair',
    reasons: ['warranty.reason.noInvoiceRepairOnly', 'warranty.reason.repairPeriod'],
    note: 'day 7: repair, never refund'
  },
  {
    producedDaysAgo: 98,
    verdict: 'free_repair',
    reasons: ['warranty.reason.noInvoiceRepairOnly', 'warranty.reason.repairPeriod'],
    note: 'day 8: repair, never exchange'
  },
  {
    producedDaysAgo: 105,
    verdict: 'free_repair',
    reasons: ['warranty.reason.noInvoiceRepairOnly', 'warranty.reason.repairPeriod'],
    note: 'day 15: repair, never exchange'
  },
  {
    producedDaysAgo: 106,
    verdict: 'free_repair',
    reasons: ['warranty.reason.noInvoiceRepairOnly', 'warranty.reason.repairPeriod'],
    note: 'day 16'
  }
]

const NO_SANBAO_ARTICLES: Record<string, string> = {
  tv: '《部分商品修理更换退货责任规定》第十八条(三) 无三包凭证及有效发票',
  air_conditioner: '《部分商品修理更换退货责任规定》第十八条(三) 无三包凭证及有效发票',
  refrigerator: '《部分商品修理更换退货责任规定》第十八条(三) 无三包凭证及有效发票',
  washing_machine: '《部分商品修理更换退货责任规定》第十八条(三) 无三包凭证及有效发票',
  desktop_computer: '《微型计算机商品修理更换退货责任规定》第九条 (凭发货票和三包凭证)',
  laptop_computer: '《微型计算机商品修理更换退货责任规定》第九条 (凭发货票和三包凭证)',
  computer: '《微型计算机商品修理更换退货责任规定》第九条 (凭发货票和三包凭证)'
}

describe('no invoice, no card', () => {
  let shop: RuleShop
  let token: string
  beforeAll(async () => {
    shop = await ruleShop(TODAY)
    token = await shop.on(TODAY)
  })
  afterAll(() => shop.close())

  for (const row of PHONE_ROWS) {
    it(`mobile_phone produced ${row.producedDaysAgo} days ago, ${row.note} — ${PHONE_NO_INVOICE}`, async () => {
      const productionDate = addDays(TODAY, -row.producedDaysAgo)
      const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: null, productionDate })
      const verdict = await lookUp(shop, token, serial, performance())
      expect(verdict.evaluation.verdict).toBe(row.verdict)
      expect(verdict.evaluation.start).toBe(addDays(productionDate, 90))
      expect(reasonKeys(verdict)).toEqual(['warranty.reason.startProductionFallback', ...row.reasons])
    })
  }

  it(`mobile_phone: the last day of the 12 months from the fallback start, and the day after — ${PHONE_NO_INVOICE}`, async () => {
    const lastDay = await sell(shop, token, {
      category: 'mobile_phone',
      purchaseDate: null,
      productionDate: addDays(addMonths(TODAY, -12), -90)
    })
    expect((await lookUp(shop, token, lastDay, performance())).evaluation.verdict).toBe('free_repair')
    const dayAfter = await sell(shop, token, {
      category: 'mobile_phone',
      purchaseDate: null,
      productionDate: addDays(addMonths(addDays(TODAY, -1), -12), -90)
    })
    expect((await lookUp(shop, token, dayAfter, performance())).evaluation.verdict).toBe('paid_repair')
  })

  for (const [category, article] of Object.entries(NO_SANBAO_ARTICLES)) {
    for (const producedDaysAgo of [3, 100, 500]) {
      it(`${category} produced ${producedDaysAgo} days ago: no 三包, paid repair, no warranty end — ${article}`, async () => {
        const serial = await sell(shop, token, {
          category: category as Category,
          purchaseDate: null,
          productionDate: addDays(TODAY, -producedDaysAgo)
        })
        const verdict = await lookUp(shop, token, serial, performance())
        expect(verdict.evaluation.verdict).toBe('paid_repair')
        expect(verdict.evaluation.startBasis).toBe('no_invoice')
        expect(verdict.evaluation.repairEnd).toBeNull()
        expect(reasonKeys(verdict)).toEqual(['warranty.reason.startNoInvoiceNoSanbao'])
      })
    }
  }

  it('with an invoice the same goods keep every remedy (day 7 refund) — 《部分商品…》第九条', async () => {
    const serial = await sell(shop, token, { category: 'tv', purchaseDate: addDays(TODAY, -7) })
    expect((await lookUp(shop, token, serial, performance())).evaluation.verdict).toBe('refund')
  })
})

describe('a brand’s production-date fallback per category (policy setting; legal minimum by default)', () => {
  let shop: RuleShop
  let token: string
  beforeAll(async () => {
    shop = await ruleShop(TODAY)
    token = await shop.on(TODAY)
  })
  afterAll(() => shop.close())

  async function grant(category: Category, noInvoiceGrants: 'repair_only' | 'all_remedies'): Promise<void> {
    const current = (await callOk(shop.app, 'warranty.policies', {}, token)).find((p) => p.categoryKey === category)!
    // Entered from a past date so that units produced before today are judged by it.
    await callOk(
      shop.app,
      'warranty.savePolicy',
      { categoryKey: category, effectiveFrom: '2020-01-01', policy: { ...current.policy, noInvoiceGrants } },
      token
    )
  }

  it('a TV brand granting repair only: free repair from production + 90 days, never a refund — 《部分商品…》第四条 (stricter rules allowed)', async () => {
    await grant('tv', 'repair_only')
    const dayZero = await sell(shop, token, { category: 'tv', purchaseDate: null, productionDate: addDays(TODAY, -90) })
    const verdict = await lookUp(shop, token, dayZero, performance())
    expect(verdict.evaluation.verdict).toBe('free_repair')
    expect(verdict.policy.policy.noInvoiceGrants).toBe('repair_only')
    const early = await sell(shop, token, { category: 'tv', purchaseDate: null, productionDate: addDays(TODAY, -89) })
    expect((await lookUp(shop, token, early, performance())).evaluation.verdict).toBe('paid_repair')
  })

  it('a washing-machine brand granting every remedy: day 7 after the fallback start is a refund — 《部分商品…》第四条', async () => {
    await grant('washing_machine', 'all_remedies')
    const serial = await sell(shop, token, {
      category: 'washing_machine',
      purchaseDate: null,
      productionDate: addDays(TODAY, -97)
    })
    expect((await lookUp(shop, token, serial, performance())).evaluation.verdict).toBe('refund')
    // The other categories keep the legal minimum.
    const fridge = await sell(shop, token, {
      category: 'refrigerator',
      purchaseDate: null,
      productionDate: addDays(TODAY, -97)
    })
    expect((await lookUp(shop, token, fridge, performance())).evaluation.verdict).toBe('paid_repair')
  })
})
