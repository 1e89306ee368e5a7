import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateWarranty } from '../../../../src-shared/domain/warranty/evaluate'
import type { FaultClaim, RepairRecord, UnitFacts } from '../../../../src-shared/domain/warranty/facts'
import { DEFAULT_POLICIES, PHONE_ACCESSORIES, addDays, addMonths } from '../../../../src-shared/domain/warranty/policy'
import { callError } from '../../helpers'
import { lookUp, performance, reasonKeys, ruleShop, sell, warrantyRepairs, type RuleShop } from './fixtures'

/**
 * 《移动电话机商品修理更换退货责任规定》, the accessories' own remedy (its article number is not
 * confirmed, docs/sanbao-sources.md): 在三包有效期内，电池、充电器、移动终端卡、外接有线耳机、数据接口卡
 * 等移动电话机附件出现…性能故障的，销售者应当为消费者免费更换同品牌同型号同规格的附件。更换两次仍不能
 * 正常使用的，销售者应当负责免费为消费者退货. 第十一、十二条 (7 日退货, 15 日换货) and 第十三条 (两次修理
 * 后更换) are the main unit's (移动电话机主机).
 */
const ACCESSORY_RULE = '《移动电话机…》附件: 免费更换同品牌同型号同规格的附件; 更换两次仍不能正常使用的, 退货'
const UNIT_WINDOWS = '《移动电话机…》第十一、十二条 (移动电话机主机)'

const phone = DEFAULT_POLICIES.mobile_phone
const SOLD = '2026-01-31'

function unit(repairs: RepairRecord[] = []): UnitFacts {
  return {
    invoiceDate: SOLD,
    productionDate: null,
    exchangedOn: null,
    originalStartDate: null,
    repairs,
    voids: [],
    replacedParts: []
  }
}

const claim = (component: string | null, faultCode: string | null = 'S01'): FaultClaim => ({
  kind: 'performance',
  component,
  faultCode
})

const accessoryJob = (component: string, receivedDate: string, returnedDate: string): RepairRecord => ({
  receivedDate,
  returnedDate,
  underWarranty: true,
  faultCode: 'S01',
  component
})

describe('a phone accessory’s own remedy (the rule itself)', () => {
  it(`a faulty charger on day 3 gets a new charger, not a refund of the phone — ${UNIT_WINDOWS}; ${ACCESSORY_RULE}`, () => {
    const e = evaluateWarranty(phone, unit(), claim('charger'), addDays(SOLD, 3))
    expect(e.verdict).toBe('accessory_exchange')
    expect(e.remedyRule).toBeNull()
    expect(e.coveredBy).toBe('brand')
    expect(e.reasons.find((r) => r.key === 'warranty.reason.accessoryNotUnitWindows')?.params).toEqual({
      component: 'charger',
      exchangeEnd: addDays(SOLD, 15)
    })
    // The phone itself, the same day, is still refunded.
    expect(evaluateWarranty(phone, unit(), claim(null), addDays(SOLD, 3)).verdict).toBe('refund')
  })

  it(`on day 10 a faulty headset gets a new headset, not a new phone — ${UNIT_WINDOWS}; ${ACCESSORY_RULE}`, () => {
    expect(evaluateWarranty(phone, unit(), claim('wired_headset'), addDays(SOLD, 10)).verdict).toBe(
      'accessory_exchange'
    )
    expect(evaluateWarranty(phone, unit(), claim(null), addDays(SOLD, 10)).verdict).toBe('exchange')
  })

  for (const accessory of PHONE_ACCESSORIES) {
    const months = phone.components.find((c) => c.component === accessory)!.months
    it(`${accessory}: exchanged, not repaired, to the last day of its ${months} months; then paid — ${ACCESSORY_RULE}`, () => {
      const end = addMonths(SOLD, months)
      const last = evaluateWarranty(phone, unit(), claim(accessory), end)
      expect(last.verdict).toBe('accessory_exchange')
      expect(last.reasons.at(-1)).toEqual({
        key: 'warranty.reason.accessoryExchange',
        params: { component: accessory, months, end, daysLeft: 0 }
      })
      expect(evaluateWarranty(phone, unit(), claim(accessory), addDays(end, 1)).verdict).toBe('paid_repair')
    })
  }

  it(`exchanged twice under 三包 and failing again: the battery is refunded, not the phone — ${ACCESSORY_RULE}`, () => {
    const twice = unit([
      accessoryJob('battery', '2026-02-20', '2026-02-21'),
      accessoryJob('battery', '2026-03-20', '2026-03-22')
    ])
    const e = evaluateWarranty(phone, twice, claim('battery'), '2026-04-10')
    expect(e.verdict).toBe('accessory_refund')
    expect(e.remedyRule).toBeNull()
    expect(e.secondRepairRule).toBe(false)
    expect(e.reasons.find((r) => r.key === 'warranty.reason.accessoryRefund')?.params).toEqual({
      component: 'battery',
      exchanges: 2,
      lastReturnedDate: '2026-03-22'
    })
    // Once only: another new battery. Another accessory's exchanges do not count.
    expect(evaluateWarranty(phone, unit(twice.repairs.slice(1)), claim('battery'), '2026-04-10').verdict).toBe(
      'accessory_exchange'
    )
    expect(evaluateWarranty(phone, twice, claim('charger'), '2026-04-10').verdict).toBe('accessory_exchange')
    // The main unit gains nothing from them either.
    expect(evaluateWarranty(phone, twice, claim(null), '2026-04-10').verdict).toBe('free_repair')
  })

  it('a component of a computer or an appliance is no accessory: its own period is a free repair', () => {
    const laptop = DEFAULT_POLICIES.laptop_computer
    expect(evaluateWarranty(laptop, unit(), claim('power_adapter'), '2026-06-01').verdict).toBe('free_repair')
    expect(evaluateWarranty(laptop, unit(), claim('power_adapter'), addDays(SOLD, 3)).verdict).toBe('refund')
  })
})

describe('a phone accessory through warranty.lookup and the refund at the counter', () => {
  let shop: RuleShop
  beforeAll(async () => {
    shop = await ruleShop(SOLD)
  })
  afterAll(() => shop.close())

  it(`a faulty battery on day 3: a new battery, and the phone’s refund is refused — ${UNIT_WINDOWS}`, async () => {
    const token = await shop.on(SOLD)
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const day3 = await shop.on(addDays(SOLD, 3))
    const verdict = await lookUp(shop, day3, serial, performance('battery', 'S01'))
    expect(verdict.evaluation.verdict).toBe('accessory_exchange')
    expect(reasonKeys(verdict)).toEqual(
      expect.arrayContaining(['warranty.reason.accessoryNotUnitWindows', 'warranty.reason.accessoryExchange'])
    )
    const refused = await callError(
      shop.app,
      'warranty.refund',
      { unitId: verdict.unit.id, claim: performance('battery', 'S01') },
      day3
    )
    expect(refused.code).toBe('CONFLICT')
  })

  it(`a battery exchanged in two warranty jobs fails again: the battery is refunded — ${ACCESSORY_RULE}`, async () => {
    const token = await shop.on(SOLD)
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const location = [{ serial, location: 'L03' }]
    await warrantyRepairs(shop, location, 'S01', '2026-02-20', '2026-02-21')
    await warrantyRepairs(shop, location, 'S01', '2026-03-20', '2026-03-22')
    const verdict = await lookUp(shop, await shop.on('2026-04-10'), serial, performance('battery', 'S01'))
    expect(verdict.evaluation.verdict).toBe('accessory_refund')
    expect(verdict.evaluation.secondRepairRule).toBe(false)
    expect(reasonKeys(verdict)).toContain('warranty.reason.accessoryRefund')
  })
})
