import { describe, expect, it } from 'vitest'
import { evaluateWarranty } from '../../../../src-shared/domain/warranty/evaluate'
import type {
  AccessoryRemedyRecord,
  FaultClaim,
  RepairRecord,
  UnitFacts
} from '../../../../src-shared/domain/warranty/facts'
import { DEFAULT_POLICIES, addDays } from '../../../../src-shared/domain/warranty/policy'

/**
 * What a lookup says once an accessory was exchanged or refunded at the counter. 《移动电话机商品修理
 * 更换退货责任规定》: 附件…更换两次仍不能正常使用的，销售者应当负责免费为消费者退货 (the refund fulfils
 * the accessory's 三包); 第十一、十二条 (7 日退货, 15 日换货) are the main unit's (移动电话机主机), so
 * an accessory's remedy leaves them as they were.
 */
const REFUND_FULFILS = '附件…更换两次仍不能正常使用的, 退货: the refund fulfils its 三包'
const UNIT_WINDOWS = '《移动电话机…》第十一、十二条 (移动电话机主机)'

const phone = DEFAULT_POLICIES.mobile_phone
const SOLD = '2026-01-31'

const exchangedOn = (component: string, day: string): RepairRecord => ({
  receivedDate: day,
  returnedDate: day,
  underWarranty: true,
  repaired: true,
  faultCode: 'S01',
  component
})

const given = (
  kind: AccessoryRemedyRecord['kind'],
  component: string,
  givenOn: string,
  number: string,
  refundFen: number | null = null
): AccessoryRemedyRecord => ({ kind, component, givenOn, number, refundFen })

/** The unit as the lookup reads it: every exchange is also one of its 三包 repair records. */
function unit(remedies: AccessoryRemedyRecord[]): UnitFacts {
  return {
    invoiceDate: SOLD,
    productionDate: null,
    exchangedOn: null,
    originalStartDate: null,
    repairs: remedies.filter((r) => r.kind === 'exchange').map((r) => exchangedOn(r.component, r.givenOn)),
    voids: [],
    replacedParts: [],
    accessoryRemedies: remedies
  }
}

const claim = (component: string | null): FaultClaim => ({ kind: 'performance', component, faultCode: 'S01' })

const keys = (e: { reasons: { key: string }[] }) => e.reasons.map((r) => r.key)

describe('the lookup after an accessory’s 三包 remedy', () => {
  it('names every remedy already given, with its day, kind and slip, whatever the claim', () => {
    const remedies = [given('exchange', 'charger', addDays(SOLD, 1), 'PJ-260201-0001')]
    for (const asked of [null, claim(null), claim('charger'), claim('battery')]) {
      const e = evaluateWarranty(phone, unit(remedies), asked, addDays(SOLD, 3))
      expect(e.reasons.filter((r) => r.key === 'warranty.reason.accessoryRemedyGiven').map((r) => r.params)).toEqual([
        { component: 'charger', kind: 'exchange', givenOn: addDays(SOLD, 1), number: 'PJ-260201-0001' }
      ])
    }
    // Nothing remedied, nothing said.
    expect(keys(evaluateWarranty(phone, unit([]), null, addDays(SOLD, 3)))).not.toContain(
      'warranty.reason.accessoryRemedyGiven'
    )
  })

  it(`a charger exchanged on day 1 leaves the phone its own 7-day refund and 15-day exchange — ${UNIT_WINDOWS}`, () => {
    const remedies = [given('exchange', 'charger', addDays(SOLD, 1), 'PJ-260201-0001')]
    const onDay3 = evaluateWarranty(phone, unit(remedies), null, addDays(SOLD, 3))
    expect(onDay3.verdict).toBe('refund')
    expect(onDay3.remedyRule).toBe('refund_window')
    expect(keys(onDay3)).toContain('warranty.reason.unitWindowsAfterAccessoryRemedy')
    const onDay10 = evaluateWarranty(phone, unit(remedies), claim(null), addDays(SOLD, 10))
    expect(onDay10.verdict).toBe('exchange')
    expect(keys(onDay10)).toContain('warranty.reason.unitWindowsAfterAccessoryRemedy')
    // Without a remedy the phone's windows need no such word.
    expect(keys(evaluateWarranty(phone, unit([]), null, addDays(SOLD, 3)))).not.toContain(
      'warranty.reason.unitWindowsAfterAccessoryRemedy'
    )
  })

  it(`a charger refunded is not offered again, neither a refund nor an exchange — ${REFUND_FULFILS}`, () => {
    const remedies = [
      given('exchange', 'charger', addDays(SOLD, 20), 'PJ-260220-0001'),
      given('exchange', 'charger', addDays(SOLD, 40), 'PJ-260312-0001'),
      given('refund', 'charger', addDays(SOLD, 60), 'PJ-260401-0001', 14_900)
    ]
    // Before the refund the third failure was the refund's.
    expect(evaluateWarranty(phone, unit(remedies.slice(0, 2)), claim('charger'), addDays(SOLD, 60)).verdict).toBe(
      'accessory_refund'
    )
    for (const day of [addDays(SOLD, 61), addDays(SOLD, 300)]) {
      const e = evaluateWarranty(phone, unit(remedies), claim('charger'), day)
      expect(e.verdict).toBe('not_covered')
      expect(e.coveredBy).toBeNull()
      expect(e.reasons.find((r) => r.key === 'warranty.reason.accessoryRefunded')?.params).toEqual({
        component: 'charger',
        refundedOn: addDays(SOLD, 60),
        number: 'PJ-260401-0001'
      })
    }
    // The other accessories and the phone keep their own 三包.
    expect(evaluateWarranty(phone, unit(remedies), claim('battery'), addDays(SOLD, 61)).verdict).toBe(
      'accessory_exchange'
    )
    expect(evaluateWarranty(phone, unit(remedies), claim(null), addDays(SOLD, 61)).verdict).toBe('free_repair')
  })

  it('a phone refunded after an accessory’s refund is not paid that accessory twice: the reason names the amount', () => {
    const remedies = [
      given('exchange', 'charger', SOLD, 'PJ-260131-0001'),
      given('exchange', 'charger', addDays(SOLD, 1), 'PJ-260201-0001'),
      given('refund', 'charger', addDays(SOLD, 2), 'PJ-260202-0001', 14_900)
    ]
    const e = evaluateWarranty(phone, unit(remedies), null, addDays(SOLD, 4))
    expect(e.verdict).toBe('refund')
    expect(e.reasons.find((r) => r.key === 'warranty.reason.accessoryRefundDeducted')?.params).toEqual({
      component: 'charger',
      amount: '149.00',
      number: 'PJ-260202-0001'
    })
    // An exchange of the phone pays nothing back: no deduction to speak of.
    expect(keys(evaluateWarranty(phone, unit(remedies), null, addDays(SOLD, 10)))).not.toContain(
      'warranty.reason.accessoryRefundDeducted'
    )
  })
})
