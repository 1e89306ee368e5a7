import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Verdict } from '../../../../src-shared/domain/warranty/verdict'
import { addDays, addMonths } from '../../../../src-shared/domain/warranty/policy'
import {
  lookUp,
  performance,
  reasonKeys,
  ruleShop,
  sell,
  warrantyRepairs,
  type Category,
  type RuleShop
} from './fixtures'

const PHONE = '《移动电话机商品修理更换退货责任规定》第十三条 (经两次修理仍不能正常使用: 更换主机)'
const COMPUTER = '《微型计算机商品修理更换退货责任规定》第十三条 (整机两次修理仍不能正常使用: 换货)'
const APPLIANCE = '《部分商品修理更换退货责任规定》第十一条、第十三条 (修理两次仍不能正常使用: 调换或退货)'
const MAIN_COMPONENT =
  '《微型计算机商品修理更换退货责任规定》第十条 (主要部件: 免费更换新的主要部件); 《部分商品…》第十一条 with its annex’s 主要部件 periods'

// Sold on a month's last day; two warranty repairs of the same fault (S01) at the same fault
// location: 5 + 2 days in repair, so every period ends 7 days later (三包有效期扣除修理占用时间).
const SOLD = '2025-01-31'
const EXTENSION = 7
const unitEnd = addDays(addMonths(SOLD, 12), EXTENSION) // 2026-02-07

interface Row {
  category: Category
  article: string
  /** the fault location of the two repairs (its component), and the claim's component */
  location: string | null
  component: string | null
  /** the day the unit fails a third time */
  on: string
  verdict: Verdict
  reason: string | null
}

const WHOLE_UNIT: [Category, string, Verdict][] = [
  ['mobile_phone', PHONE, 'exchange'],
  ['desktop_computer', COMPUTER, 'exchange'],
  ['laptop_computer', COMPUTER, 'exchange'],
  ['computer', COMPUTER, 'exchange'],
  ['tv', APPLIANCE, 'exchange_or_refund'],
  ['air_conditioner', APPLIANCE, 'exchange_or_refund'],
  ['refrigerator', APPLIANCE, 'exchange_or_refund'],
  ['washing_machine', APPLIANCE, 'exchange_or_refund']
]

const ROWS: Row[] = [
  ...WHOLE_UNIT.flatMap(([category, article, verdict]): Row[] => [
    {
      category,
      article,
      location: null,
      component: null,
      on: unitEnd,
      verdict,
      reason:
        verdict === 'exchange' ? 'warranty.reason.secondRepairRule' : 'warranty.reason.secondRepairExchangeOrRefund'
    },
    {
      category,
      article,
      location: null,
      component: null,
      on: addDays(unitEnd, 1),
      verdict: 'paid_repair',
      reason: null
    }
  ]),
  // A main component: inside the unit period the whole unit is exchanged (or refunded); after it,
  // within the component's own period, a new component; after that, a paid repair.
  ...(
    [
      ['laptop_computer', 'L01', 'main_board', 24],
      ['desktop_computer', 'L01', 'main_board', 24],
      ['tv', 'L02', 'panel', 36],
      ['air_conditioner', 'L09', 'compressor', 36],
      ['refrigerator', 'L09', 'compressor', 36],
      ['washing_machine', 'L10', 'motor', 36]
    ] as const
  ).flatMap(([category, location, component, months]): Row[] => {
    const componentEnd = addDays(addMonths(SOLD, months), EXTENSION)
    const exchange = WHOLE_UNIT.find(([c]) => c === category)![2]
    return [
      { category, article: MAIN_COMPONENT, location, component, on: unitEnd, verdict: exchange, reason: null },
      {
        category,
        article: MAIN_COMPONENT,
        location,
        component,
        on: addDays(unitEnd, 1),
        verdict: 'free_new_component',
        reason: 'warranty.reason.mainComponentNewAfterTwoRepairs'
      },
      {
        category,
        article: MAIN_COMPONENT,
        location,
        component,
        on: componentEnd,
        verdict: 'free_new_component',
        reason: 'warranty.reason.mainComponentNewAfterTwoRepairs'
      },
      {
        category,
        article: MAIN_COMPONENT,
        location,
        component,
        on: addDays(componentEnd, 1),
        verdict: 'paid_repair',
        reason: 'warranty.reason.componentPeriodEnded'
      }
    ]
  }),
  // A phone's battery is an accessory (附件) with a shorter period, not a main component, and
  // 第十三条's exchange is the main unit's (移动电话机主机): to the battery's last day a battery
  // exchanged twice (免费更换…附件; 更换两次仍不能正常使用的, 退货) is refunded, never a new phone;
  // after it there is no new-component rule.
  {
    category: 'mobile_phone',
    article: `${PHONE}; 附件 are replaced on their own, no 主要部件`,
    location: 'L03',
    component: 'battery',
    on: addDays(addMonths(SOLD, 6), EXTENSION),
    verdict: 'accessory_refund',
    reason: 'warranty.reason.accessoryNoUnitExchange'
  },
  {
    category: 'mobile_phone',
    article: `${PHONE}; 附件 are no 主要部件`,
    location: 'L03',
    component: 'battery',
    on: addDays(addMonths(SOLD, 6), EXTENSION + 1),
    verdict: 'paid_repair',
    reason: 'warranty.reason.componentPeriodEnded'
  }
]

describe('repaired twice for the same fault and failing again: the remedy depends on the goods', () => {
  // One shop: every unit is sold and repaired on the same days, then judged day by day in order.
  const rows = [...ROWS].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
  const serials = new Map<Row, string>()
  let shop: RuleShop
  let token = ''
  let day = ''
  beforeAll(async () => {
    shop = await ruleShop(SOLD)
    const seller = await shop.on(SOLD)
    for (const row of rows) serials.set(row, await sell(shop, seller, { category: row.category, purchaseDate: SOLD }))
    for (const [received, returned] of [
      [30, 35],
      [60, 62]
    ] as const) {
      const jobs: { serial: string; location: string | null }[] = rows.map((row) => ({
        serial: serials.get(row)!,
        location: row.location
      }))
      await warrantyRepairs(shop, jobs, 'S01', addDays(SOLD, received), addDays(SOLD, returned))
    }
  })
  afterAll(() => shop.close())

  for (const row of rows) {
    it(`${row.category}, ${row.component ?? 'whole unit'} on ${row.on} → ${row.verdict} — ${row.article}`, async () => {
      if (day !== row.on) {
        token = await shop.on(row.on)
        day = row.on
      }
      const verdict = await lookUp(shop, token, serials.get(row)!, performance(row.component, 'S01'))
      expect(verdict.evaluation.extensionDays).toBe(EXTENSION)
      expect(verdict.evaluation.verdict).toBe(row.verdict)
      if (row.reason) expect(reasonKeys(verdict)).toContain(row.reason)
    })
  }
})
