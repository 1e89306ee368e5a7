import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, addMonths, DEFAULT_POLICIES, isAccessory } from '../../../../src-shared/domain/warranty/policy'
import { callOk } from '../../helpers'
import { lookUp, performance, reasonKeys, ruleShop, sell, type Category, type RuleShop } from './fixtures'

const PHONE = '《移动电话机商品修理更换退货责任规定》附录 三包有效期 (主机 1 年; 附件)'
const COMPUTER = '《微型计算机商品修理更换退货责任规定》附录 三包有效期 (整机 1 年, 主要部件 2 年)'
const ANNEX_1995 = '《部分商品修理更换退货责任规定》附件 实施三包的部分商品目录 (整机 1 年, 主要部件 3 年)'

/** The annexes' component lists, as the built-in legal-minimum policies must carry them. */
const ANNEXES: { category: Category; article: string; components: [string, number][] }[] = [
  {
    category: 'mobile_phone',
    article: PHONE,
    components: [
      ['battery', 6],
      ['charger', 12],
      ['terminal_card', 12],
      ['data_card', 12],
      ['wired_headset', 3]
    ]
  },
  {
    category: 'desktop_computer',
    article: COMPUTER,
    components: [
      ['cpu', 24],
      ['main_board', 24],
      ['memory', 24],
      ['hard_disk', 24],
      ['power_supply', 24],
      ['display', 24]
    ]
  },
  {
    category: 'laptop_computer',
    article: COMPUTER,
    components: [
      ['cpu', 24],
      ['main_board', 24],
      ['memory', 24],
      ['hard_disk', 24],
      ['display', 24],
      ['keyboard', 24],
      ['power_adapter', 24]
    ]
  },
  {
    category: 'computer',
    article: COMPUTER,
    components: [
      ['cpu', 24],
      ['main_board', 24],
      ['memory', 24],
      ['hard_disk', 24],
      ['display', 24]
    ]
  },
  {
    category: 'tv',
    article: `${ANNEX_1995} 彩色电视机, with 质检总局 2011年第20号公告 (液晶 / 等离子电视机)`,
    components: [
      ['panel', 36],
      ['backlight', 36],
      ['drive_module', 36],
      ['logic_board', 36],
      ['flyback_transformer', 36],
      ['tuner', 36],
      ['integrated_circuit', 36]
    ]
  },
  { category: 'air_conditioner', article: `${ANNEX_1995} 家用空调器`, components: [['compressor', 36]] },
  { category: 'refrigerator', article: `${ANNEX_1995} 家用电冰箱`, components: [['compressor', 36]] },
  {
    category: 'washing_machine',
    article: `${ANNEX_1995} 洗衣机`,
    components: [
      ['motor', 36],
      ['program_controller', 36]
    ]
  }
]

// The last day of February: a sale on a 29th, 30th or 31st ends on the month's last day (民法典 第202条).
const TODAY = '2026-02-28'

describe('categories and components as the annexes list them, each judged on its last day and the day after', () => {
  let shop: RuleShop
  let token: string
  beforeAll(async () => {
    shop = await ruleShop(TODAY)
    token = await shop.on(TODAY)
  })
  afterAll(() => shop.close())

  for (const annex of ANNEXES) {
    it(`${annex.category}: the legal-minimum policy carries the annex's list — ${annex.article}`, async () => {
      const serial = await sell(shop, token, { category: annex.category, purchaseDate: '2026-01-01' })
      const verdict = await lookUp(shop, token, serial, performance())
      expect(verdict.policy.policy.components.map((c) => [c.component, c.months])).toEqual(annex.components)
      expect(verdict.policy.policy.repairMonths).toBe(12)
    })

    for (const [component, months] of [['whole unit', 12] as const, ...annex.components]) {
      const claimed = component === 'whole unit' ? null : component
      // A phone's accessory (附件) is exchanged for a new one, free, within its period.
      const free = isAccessory(DEFAULT_POLICIES[annex.category], claimed) ? 'accessory_exchange' : 'free_repair'
      it(`${annex.category}, ${component} (${months} months): today is its last day → ${free} — ${annex.article}`, async () => {
        const serial = await sell(shop, token, { category: annex.category, purchaseDate: addMonths(TODAY, -months) })
        const verdict = await lookUp(shop, token, serial, performance(claimed))
        expect(verdict.evaluation.verdict).toBe(free)
        expect(verdict.evaluation.reasons.at(-1)?.params.daysLeft).toBe(0)
      })
      it(`${annex.category}, ${component} (${months} months): ended yesterday → paid repair — ${annex.article}`, async () => {
        const serial = await sell(shop, token, {
          category: annex.category,
          purchaseDate: addMonths(addDays(TODAY, -1), -months)
        })
        const verdict = await lookUp(shop, token, serial, performance(claimed))
        expect(verdict.evaluation.verdict).toBe('paid_repair')
        expect(reasonKeys(verdict)).toContain(
          claimed === null ? 'warranty.reason.repairPeriodEnded' : 'warranty.reason.componentPeriodEnded'
        )
      })
    }
  }

  it('a sale on 2024-02-29: a laptop main board’s 24 months end on 2026-02-28 — 《微型计算机…》附录, 民法典 第202条', async () => {
    const serial = await sell(shop, token, { category: 'laptop_computer', purchaseDate: '2024-02-29' })
    const verdict = await lookUp(shop, token, serial, performance('main_board'))
    expect(verdict.evaluation.verdict).toBe('free_repair')
    expect(verdict.evaluation.components.find((c) => c.component === 'main_board')?.end).toBe('2026-02-28')
  })

  it('desktops and laptops are categories of their own, listed with the others', async () => {
    const policies = await callOk(shop.app, 'warranty.policies', {}, token)
    const categories = new Set(policies.map((p) => p.categoryKey))
    for (const annex of ANNEXES) expect(categories.has(annex.category)).toBe(true)
  })
})
