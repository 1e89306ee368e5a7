import { describe, expect, it } from 'vitest'
import { REASON_KEYS, evaluateWarranty } from '../../../src-shared/domain/warranty/evaluate'
import { type FaultClaim, type RepairRecord, type UnitFacts } from '../../../src-shared/domain/warranty/facts'
import { type WarrantyEvaluation } from '../../../src-shared/domain/warranty/verdict'
import { warrantyRepairDays } from '../../../src-shared/domain/warranty/start'
import { DEFAULT_POLICIES, type WarrantyPolicy } from '../../../src-shared/domain/warranty/policy'
import { waitingRecord } from '../../../src-shared/domain/warranty/waiting'

const phone = DEFAULT_POLICIES.mobile_phone
const tv = DEFAULT_POLICIES.tv

function unit(over: Partial<UnitFacts> = {}): UnitFacts {
  return {
    invoiceDate: '2026-01-01',
    productionDate: '2025-11-01',
    exchangedOn: null,
    originalStartDate: null,
    repairs: [],
    voids: [],
    replacedParts: [],
    ...over
  }
}

const perf = (component: string | null = null, faultCode: string | null = null): FaultClaim => ({
  kind: 'performance',
  component,
  faultCode
})
const looks = (component: string | null = null): FaultClaim => ({ kind: 'appearance', component, faultCode: null })

const warrantyRepair = (
  receivedDate: string,
  returnedDate: string | null,
  faultCode: string | null = null
): RepairRecord => ({
  receivedDate,
  returnedDate,
  underWarranty: true,
  faultCode,
  component: null
})

const keys = (e: WarrantyEvaluation) => e.reasons.map((r) => r.key)
const reasonOf = (e: WarrantyEvaluation, key: string) => e.reasons.find((r) => r.key === key)

/** Every evaluation made in this file, to check the emitted keys against REASON_KEYS. */
const seen: WarrantyEvaluation[] = []
function evaluate(policy: WarrantyPolicy, u: UnitFacts, claim: FaultClaim | null, today: string): WarrantyEvaluation {
  const e = evaluateWarranty(policy, u, claim, today)
  seen.push(e)
  return e
}

describe('warranty start', () => {
  it('starts at the invoice date', () => {
    const e = evaluate(phone, unit(), null, '2026-06-01')
    expect(e.start).toBe('2026-01-01')
    expect(e.startBasis).toBe('invoice')
    expect(e.reasons[0]).toEqual({ key: 'warranty.reason.startInvoice', params: { invoiceDate: '2026-01-01' } })
  })

  it('without an invoice starts 90 days after the production date, and says so', () => {
    const e = evaluate(phone, unit({ invoiceDate: null, productionDate: '2026-01-01' }), null, '2026-04-01')
    expect(e.start).toBe('2026-04-01')
    expect(e.startBasis).toBe('production_fallback')
    expect(e.reasons[0]).toEqual({
      key: 'warranty.reason.startProductionFallback',
      params: { productionDate: '2026-01-01', fallbackDays: 90, start: '2026-04-01' }
    })
    expect(e.refundEnd).toBe('2026-04-08')
    expect(e.repairEnd).toBe('2027-04-01')
    // The phone rules' legal minimum without invoice or card: free repair only, never a refund.
    expect(e.verdict).toBe('free_repair')
  })

  it('no invoice, phone: nothing before the fallback start, then repair only (《移动电话机…》 出厂日期后第90日)', () => {
    const u = unit({ invoiceDate: null, productionDate: '2026-01-01' })
    const before = evaluate(phone, u, perf(), '2026-03-31')
    expect(before.verdict).toBe('paid_repair')
    expect(reasonOf(before, 'warranty.reason.fallbackNotStarted')?.params).toEqual({ start: '2026-04-01' })
    const first = evaluate(phone, u, perf(), '2026-04-01')
    expect(first.verdict).toBe('free_repair')
    expect(keys(first)).toContain('warranty.reason.noInvoiceRepairOnly')
  })

  it('no invoice, 1995 goods: no 三包, no warranty end (《部分商品…》第十八条(三))', () => {
    const e = evaluate(tv, unit({ invoiceDate: null, productionDate: '2026-01-01' }), perf(), '2026-04-05')
    expect(e.verdict).toBe('paid_repair')
    expect(e.startBasis).toBe('no_invoice')
    expect(e.repairEnd).toBeNull()
    expect(keys(e)).toEqual(['warranty.reason.startNoInvoiceNoSanbao'])
  })

  it('with no dates at all gives unknown_start, never out of warranty', () => {
    const e = evaluate(phone, unit({ invoiceDate: null, productionDate: null }), perf(), '2026-06-01')
    expect(e.verdict).toBe('unknown_start')
    expect(e.start).toBeNull()
    expect(e.startBasis).toBeNull()
    expect(e.refundEnd).toBeNull()
    expect(e.exchangeEnd).toBeNull()
    expect(e.repairEnd).toBeNull()
    expect(e.daysLeft).toBeNull()
    expect(e.components).toEqual([])
    expect(keys(e)).toEqual(['warranty.reason.startUnknown'])
  })

  it('an exchanged unit restarts at the exchange date when the policy says so', () => {
    const u = unit({ invoiceDate: '2025-01-10', exchangedOn: '2025-06-01', originalStartDate: '2025-01-10' })
    const e = evaluate(phone, u, perf(), '2026-06-01')
    expect(e.start).toBe('2025-06-01')
    expect(e.startBasis).toBe('exchange')
    expect(e.repairEnd).toBe('2026-06-01')
    expect(e.verdict).toBe('free_repair')
    expect(e.reasons[0]).toEqual({ key: 'warranty.reason.startExchangeRestart', params: { exchangedOn: '2025-06-01' } })
    expect(evaluate(phone, u, perf(), '2026-06-02').verdict).toBe('paid_repair')
  })

  // 《移动电话机…》第十一、十二条 and 《部分商品…》第九、十条 count the 7 and 15 days 自售出之日起
  // (from the sale); an exchange restarts the 三包有效期 (the repair period), not the sale.
  it('an exchanged unit keeps the refund and exchange windows of the original sale', () => {
    const u = unit({ invoiceDate: '2026-01-01', exchangedOn: '2026-01-14', originalStartDate: '2026-01-01' })
    // Day 19 after the sale, day 5 after the exchange: neither a refund nor another exchange.
    const e = evaluate(phone, u, perf(), '2026-01-19')
    expect(e.start).toBe('2026-01-14')
    expect(e.refundEnd).toBe('2026-01-08')
    expect(e.exchangeEnd).toBe('2026-01-16')
    expect(e.repairEnd).toBe('2027-01-14')
    expect(e.verdict).toBe('free_repair')
    expect(keys(e)).toContain('warranty.reason.exchangeWindowsFromSale')
    expect(reasonOf(e, 'warranty.reason.exchangeWindowsFromSale')?.params).toEqual({
      saleDate: '2026-01-01',
      refundEnd: '2026-01-08',
      exchangeEnd: '2026-01-16'
    })
    // Still inside the sale's exchange window: the new unit may be exchanged again, counted from the sale.
    const day15 = evaluate(phone, u, perf(), '2026-01-16')
    expect(day15.verdict).toBe('exchange')
    expect(reasonOf(day15, 'warranty.reason.exchangeWindow')?.params).toMatchObject({
      start: '2026-01-01',
      exchangeEnd: '2026-01-16'
    })
    expect(evaluate(phone, u, perf(), '2026-01-17').verdict).toBe('free_repair')
  })

  it('an exchanged unit whose sale is not recorded has no refund or exchange window', () => {
    const u = unit({ invoiceDate: null, exchangedOn: '2026-01-14', originalStartDate: null })
    const e = evaluate(phone, u, perf(), '2026-01-15')
    expect(e.refundEnd).toBeNull()
    expect(e.exchangeEnd).toBeNull()
    expect(e.verdict).toBe('free_repair')
  })

  it('an exchanged unit continues from the original start when the policy says so', () => {
    const continuing: WarrantyPolicy = { ...phone, exchangeRestartsPeriod: false }
    const u = unit({ invoiceDate: '2025-01-10', exchangedOn: '2025-06-01', originalStartDate: '2025-01-10' })
    const e = evaluate(continuing, u, perf(), '2026-01-10')
    expect(e.start).toBe('2025-01-10')
    expect(e.startBasis).toBe('exchange')
    expect(e.repairEnd).toBe('2026-01-10')
    expect(e.verdict).toBe('free_repair')
    expect(e.reasons[0]).toEqual({
      key: 'warranty.reason.startExchangeContinue',
      params: { exchangedOn: '2025-06-01', originalStartDate: '2025-01-10' }
    })
    expect(evaluate(continuing, u, perf(), '2026-01-11').verdict).toBe('paid_repair')
  })

  it('an exchanged unit continuing an unrecorded start is unknown_start', () => {
    const continuing: WarrantyPolicy = { ...phone, exchangeRestartsPeriod: false }
    const e = evaluate(continuing, unit({ exchangedOn: '2025-06-01', originalStartDate: null }), perf(), '2025-07-01')
    expect(e.verdict).toBe('unknown_start')
    expect(keys(e)).toEqual(['warranty.reason.startExchangeOriginalUnknown'])
  })
})

describe('refund and exchange windows', () => {
  it('refund through start + 7 days, exchange from the next day through start + 15 days, then free repair', () => {
    const u = unit({ invoiceDate: '2026-01-01' })
    // The start day is not counted: day 7 is 2026-01-08.
    const day7 = evaluate(phone, u, perf(), '2026-01-08')
    expect(day7.verdict).toBe('refund')
    expect(day7.refundEnd).toBe('2026-01-08')
    expect(reasonOf(day7, 'warranty.reason.refundWindow')?.params).toEqual({
      start: '2026-01-01',
      refundDays: 7,
      refundEnd: '2026-01-08',
      daysLeft: 0
    })
    expect(evaluate(phone, u, perf(), '2026-01-01').verdict).toBe('refund')
    const day8 = evaluate(phone, u, perf(), '2026-01-09')
    expect(day8.verdict).toBe('exchange')
    expect(reasonOf(day8, 'warranty.reason.exchangeWindow')?.params).toEqual({
      start: '2026-01-01',
      exchangeDays: 15,
      exchangeEnd: '2026-01-16',
      daysLeft: 7
    })
    expect(evaluate(phone, u, perf(), '2026-01-16').verdict).toBe('exchange')
    const day16 = evaluate(phone, u, perf(), '2026-01-17')
    expect(day16.verdict).toBe('free_repair')
    expect(day16.exchangeEnd).toBe('2026-01-16')
  })

  it('appearance damage never gets refund or exchange, and the reason says so', () => {
    const e = evaluate(phone, unit(), looks(), '2026-01-03')
    expect(e.verdict).toBe('not_covered')
    expect(reasonOf(e, 'warranty.reason.appearanceNoRefundExchange')?.params).toEqual({ exchangeEnd: '2026-01-16' })
    expect(keys(evaluate(phone, unit(), looks(), '2026-01-16'))).toContain('warranty.reason.appearanceNoRefundExchange')
    expect(keys(evaluate(phone, unit(), looks(), '2026-01-17'))).not.toContain(
      'warranty.reason.appearanceNoRefundExchange'
    )
  })

  it('a performance fault on a component inside the refund window still gives a refund', () => {
    expect(evaluate(phone, unit(), perf('screen'), '2026-01-02').verdict).toBe('refund')
    expect(evaluate(tv, unit(), perf('panel'), '2026-01-02').verdict).toBe('refund')
    // A phone's accessory (附件) is not the phone: a new accessory, not the phone refunded.
    expect(evaluate(phone, unit(), perf('battery'), '2026-01-02').verdict).toBe('accessory_exchange')
  })

  it('windows are not extended by warranty repair time', () => {
    const u = unit({ repairs: [warrantyRepair('2026-01-02', '2026-01-12')] })
    const e = evaluate(phone, u, perf(), '2026-01-17')
    expect(e.extensionDays).toBe(10)
    expect(e.refundEnd).toBe('2026-01-08')
    expect(e.exchangeEnd).toBe('2026-01-16')
    expect(e.verdict).toBe('free_repair')
  })
})

describe('whole-unit repair period', () => {
  it('last day in, first day out', () => {
    const u = unit({ invoiceDate: '2026-01-15' })
    const last = evaluate(phone, u, perf(), '2027-01-15')
    expect(last.repairEnd).toBe('2027-01-15')
    expect(last.daysLeft).toBe(0)
    expect(last.verdict).toBe('free_repair')
    expect(reasonOf(last, 'warranty.reason.repairPeriod')?.params).toEqual({
      start: '2026-01-15',
      repairMonths: 12,
      repairEnd: '2027-01-15',
      daysLeft: 0
    })
    const out = evaluate(phone, u, perf(), '2027-01-16')
    expect(out.verdict).toBe('paid_repair')
    expect(out.daysLeft).toBe(-1)
    expect(reasonOf(out, 'warranty.reason.repairPeriodEnded')?.params).toEqual({
      repairEnd: '2027-01-15',
      daysSince: 1
    })
  })

  it('leap year: a 2024-02-29 start ends 2025-02-28', () => {
    const u = unit({ invoiceDate: '2024-02-29' })
    expect(evaluate(phone, u, perf(), '2025-02-28').verdict).toBe('free_repair')
    const out = evaluate(phone, u, perf(), '2025-03-01')
    expect(out.repairEnd).toBe('2025-02-28')
    expect(out.verdict).toBe('paid_repair')
    // 7 days from 2024-02-29 end 2024-03-07 (the leap day itself not counted).
    expect(evaluate(phone, unit({ invoiceDate: '2024-02-29' }), perf(), '2024-03-07').verdict).toBe('refund')
    expect(evaluate(phone, unit({ invoiceDate: '2024-02-29' }), perf(), '2024-03-08').verdict).toBe('exchange')
  })

  it('leap year: a 2023-03-01 start ends on 2024-03-01, a 2023-02-28 start on 2024-02-28 (not the leap day)', () => {
    const u = unit({ invoiceDate: '2023-03-01' })
    expect(evaluate(phone, u, perf(), '2024-02-29').verdict).toBe('free_repair')
    const last = evaluate(phone, u, perf(), '2024-03-01')
    expect(last.repairEnd).toBe('2024-03-01')
    expect(last.verdict).toBe('free_repair')
    expect(evaluate(phone, u, perf(), '2024-03-02').verdict).toBe('paid_repair')
    const feb28 = unit({ invoiceDate: '2023-02-28' })
    expect(evaluate(phone, feb28, perf(), '2024-02-28').verdict).toBe('free_repair')
    expect(evaluate(phone, feb28, perf(), '2024-02-29').verdict).toBe('paid_repair')
  })
})

describe('component periods', () => {
  it('a component shorter than the unit (phone battery, 6 months) ends first', () => {
    const u = unit({ invoiceDate: '2026-01-01' })
    const last = evaluate(phone, u, perf('battery'), '2026-07-01')
    // A phone's battery is an accessory: within its period a new one, free.
    expect(last.verdict).toBe('accessory_exchange')
    expect(reasonOf(last, 'warranty.reason.accessoryExchange')?.params).toEqual({
      component: 'battery',
      months: 6,
      end: '2026-07-01',
      daysLeft: 0
    })
    const out = evaluate(phone, u, perf('battery'), '2026-07-02')
    expect(out.verdict).toBe('paid_repair')
    expect(reasonOf(out, 'warranty.reason.componentPeriodEnded')?.params).toEqual({
      component: 'battery',
      end: '2026-07-01',
      daysSince: 1
    })
    // The whole unit (and a component it has no period for) is still covered that day.
    expect(evaluate(phone, u, perf(), '2026-07-02').verdict).toBe('free_repair')
    expect(evaluate(phone, u, perf('screen'), '2026-07-02').verdict).toBe('free_repair')
  })

  it('a component longer than the unit (TV panel, 36 months) outlives it', () => {
    const u = unit({ invoiceDate: '2026-01-15' })
    const e = evaluate(tv, u, perf('panel'), '2029-01-15')
    expect(e.verdict).toBe('free_repair')
    expect(e.components[0]).toEqual({ component: 'panel', end: '2029-01-15', daysLeft: 0, voided: false })
    expect(evaluate(tv, u, perf('panel'), '2029-01-16').verdict).toBe('paid_repair')
    expect(evaluate(tv, u, perf(), '2027-01-16').verdict).toBe('paid_repair')
    expect(evaluate(tv, u, perf('panel'), '2027-01-16').verdict).toBe('free_repair')
  })

  it('lists every component with its end and days left', () => {
    const e = evaluate(phone, unit({ invoiceDate: '2026-01-01' }), null, '2026-02-01')
    expect(e.components).toEqual([
      { component: 'battery', end: '2026-07-01', daysLeft: 150, voided: false },
      { component: 'charger', end: '2027-01-01', daysLeft: 334, voided: false },
      { component: 'terminal_card', end: '2027-01-01', daysLeft: 334, voided: false },
      { component: 'data_card', end: '2027-01-01', daysLeft: 334, voided: false },
      { component: 'wired_headset', end: '2026-04-01', daysLeft: 59, voided: false }
    ])
  })
})

describe('repair-time extension', () => {
  it('counts days from received up to returned (same-day = 0), open repairs through today, paid repairs never', () => {
    expect(warrantyRepairDays([warrantyRepair('2026-03-01', '2026-03-11')], '2026-01-01', '2026-06-01')).toBe(10)
    expect(warrantyRepairDays([warrantyRepair('2026-03-01', '2026-03-01')], '2026-01-01', '2026-06-01')).toBe(0)
    expect(warrantyRepairDays([warrantyRepair('2026-03-01', null)], '2026-01-01', '2026-03-05')).toBe(5)
    expect(
      warrantyRepairDays(
        [{ ...warrantyRepair('2026-03-01', '2026-03-11'), underWarranty: false }],
        '2026-01-01',
        '2026-06-01'
      )
    ).toBe(0)
    // Overlapping records count each day once; days before the start are not counted.
    expect(
      warrantyRepairDays(
        [warrantyRepair('2026-03-01', '2026-03-11'), warrantyRepair('2026-03-05', '2026-03-15')],
        '2026-01-01',
        '2026-06-01'
      )
    ).toBe(14)
    expect(warrantyRepairDays([warrantyRepair('2025-12-25', '2026-01-05')], '2026-01-01', '2026-06-01')).toBe(4)
  })

  it('a 10-day warranty repair moves the repair and component ends by 10 days', () => {
    const u = unit({ invoiceDate: '2026-01-15', repairs: [warrantyRepair('2026-03-01', '2026-03-11')] })
    const e = evaluate(phone, u, perf(), '2027-01-25')
    expect(e.extensionDays).toBe(10)
    expect(e.repairEnd).toBe('2027-01-25')
    expect(e.daysLeft).toBe(0)
    expect(e.verdict).toBe('free_repair')
    expect(e.components.map((c) => [c.component, c.end])).toEqual([
      ['battery', '2026-07-25'],
      ['charger', '2027-01-25'],
      ['terminal_card', '2027-01-25'],
      ['data_card', '2027-01-25'],
      ['wired_headset', '2026-04-25']
    ])
    expect(reasonOf(e, 'warranty.reason.repairExtension')?.params).toEqual({ days: 10, repairs: 1 })
    expect(evaluate(phone, u, perf(), '2027-01-26').verdict).toBe('paid_repair')
    expect(evaluate(phone, u, perf('battery'), '2026-07-25').verdict).toBe('accessory_exchange')
    expect(evaluate(phone, u, perf('battery'), '2026-07-26').verdict).toBe('paid_repair')
  })

  it('a paid repair does not move anything', () => {
    const paid: RepairRecord = { ...warrantyRepair('2026-03-01', '2026-03-11'), underWarranty: false }
    const u = unit({ invoiceDate: '2026-01-15', repairs: [paid] })
    const e = evaluate(phone, u, perf(), '2027-01-16')
    expect(e.extensionDays).toBe(0)
    expect(e.repairEnd).toBe('2027-01-15')
    expect(e.verdict).toBe('paid_repair')
    expect(keys(e)).not.toContain('warranty.reason.repairExtension')
  })
})

describe('second-repair rule', () => {
  const twice = unit({
    invoiceDate: '2026-01-01',
    repairs: [warrantyRepair('2026-03-01', '2026-03-05', 'X'), warrantyRepair('2026-05-01', '2026-05-04', 'X')]
  })

  it('two warranty repairs for code X and a third failure X → exchange, flagged', () => {
    const e = evaluate(phone, twice, perf(null, 'X'), '2026-08-01')
    expect(e.verdict).toBe('exchange')
    expect(e.secondRepairRule).toBe(true)
    expect(e.extensionDays).toBe(7)
    expect(reasonOf(e, 'warranty.reason.secondRepairRule')?.params).toEqual({
      faultCode: 'X',
      repairs: 2,
      lastReturnedDate: '2026-05-04',
      periodEnd: '2027-01-08'
    })
  })

  it('a different fault code is not the rule: free repair, the history is still mentioned', () => {
    const e = evaluate(phone, twice, perf(null, 'Y'), '2026-08-01')
    expect(e.verdict).toBe('free_repair')
    expect(e.secondRepairRule).toBe(false)
    expect(reasonOf(e, 'warranty.reason.repeatFaultHistory')?.params).toEqual({ faultCode: 'X', repairs: 2 })
  })

  it('only one earlier repair for X, or repairs that were paid, is not the rule', () => {
    const once = unit({ repairs: [warrantyRepair('2026-03-01', '2026-03-05', 'X')] })
    expect(evaluate(phone, once, perf(null, 'X'), '2026-08-01').secondRepairRule).toBe(false)
    const paid = unit({
      repairs: [
        { ...warrantyRepair('2026-03-01', '2026-03-05', 'X'), underWarranty: false },
        { ...warrantyRepair('2026-05-01', '2026-05-04', 'X'), underWarranty: false }
      ]
    })
    expect(evaluate(phone, paid, perf(null, 'X'), '2026-08-01').verdict).toBe('free_repair')
  })

  it('applies through the last day of the (extended) repair period only', () => {
    expect(evaluate(phone, twice, perf(null, 'X'), '2027-01-08').verdict).toBe('exchange')
    const out = evaluate(phone, twice, perf(null, 'X'), '2027-01-09')
    expect(out.verdict).toBe('paid_repair')
    expect(out.secondRepairRule).toBe(false)
  })

  it('the 1995 goods: exchange or refund at the customer’s choice (《部分商品修理更换退货责任规定》第十一条)', () => {
    const e = evaluate(tv, twice, perf(null, 'X'), '2026-08-01')
    expect(e.verdict).toBe('exchange_or_refund')
    expect(e.secondRepairRule).toBe(true)
    expect(keys(e)).toContain('warranty.reason.secondRepairExchangeOrRefund')
  })

  it('a main component repaired twice past the unit period: a new component (《微型计算机…》第十条)', () => {
    const laptop = DEFAULT_POLICIES.laptop_computer
    const boardTwice = unit({
      invoiceDate: '2026-01-01',
      repairs: [
        { ...warrantyRepair('2026-03-01', '2026-03-05', 'X'), component: 'main_board' },
        { ...warrantyRepair('2026-05-01', '2026-05-04', 'Y'), component: 'main_board' }
      ]
    })
    // Unit period (extended by 7 days) ends 2027-01-08; the main board's 24 months 2028-01-08.
    expect(evaluate(laptop, boardTwice, perf('main_board'), '2027-01-08').verdict).toBe('free_repair')
    const e = evaluate(laptop, boardTwice, perf('main_board'), '2027-01-09')
    expect(e.verdict).toBe('free_new_component')
    expect(reasonOf(e, 'warranty.reason.mainComponentNewAfterTwoRepairs')?.params).toEqual({
      component: 'main_board',
      repairs: 2,
      lastReturnedDate: '2026-05-04',
      repairEnd: '2027-01-08',
      end: '2028-01-08'
    })
    expect(evaluate(laptop, boardTwice, perf('main_board'), '2028-01-09').verdict).toBe('paid_repair')
    // A phone's components are accessories: no new-component rule.
    expect(evaluate(phone, boardTwice, perf('battery'), '2027-01-09').verdict).toBe('paid_repair')
  })

  // 《移动电话机…》第十三条: 移动电话机主机 … 经两次修理，仍不能正常使用的 … 更换 … 主机. An
  // accessory (附件: battery, charger …) is replaced on its own, never by a new phone.
  it('a phone accessory repaired twice for the same fault gets no whole-phone exchange (2001 art. 13 is the main unit’s)', () => {
    const batteryTwice = unit({
      invoiceDate: '2026-01-01',
      repairs: [
        { ...warrantyRepair('2026-02-01', '2026-02-03', 'S07'), component: 'battery' },
        { ...warrantyRepair('2026-03-01', '2026-03-03', 'S07'), component: 'battery' }
      ]
    })
    // Exchanged twice and failing again, the battery alone is refunded (the accessories' rule).
    const e = evaluate(phone, batteryTwice, perf('battery', 'S07'), '2026-04-01')
    expect(e.verdict).toBe('accessory_refund')
    expect(e.secondRepairRule).toBe(false)
    expect(e.remedyRule).toBeNull()
    expect(reasonOf(e, 'warranty.reason.accessoryNoUnitExchange')?.params).toEqual({
      component: 'battery',
      faultCode: 'S07',
      repairs: 2
    })
    // Nor do two battery repairs count as the main unit's two repairs, nor announce its exchange.
    const mainClaim = evaluate(phone, batteryTwice, perf(null, 'S07'), '2026-04-01')
    expect(mainClaim.verdict).toBe('free_repair')
    expect(keys(mainClaim)).not.toContain('warranty.reason.repeatFaultHistory')
    expect(keys(evaluate(phone, batteryTwice, perf(null, 'S02'), '2026-04-01'))).not.toContain(
      'warranty.reason.repeatFaultHistory'
    )
    // The same fault on the main unit, repaired twice, is the main unit's exchange.
    const mainTwice = unit({ ...batteryTwice, repairs: batteryTwice.repairs.map((r) => ({ ...r, component: null })) })
    expect(evaluate(phone, mainTwice, perf(null, 'S07'), '2026-04-01').verdict).toBe('exchange')
  })

  it('without a claim the dates are evaluated and the verdict is for a whole-unit performance fault', () => {
    const e = evaluate(phone, twice, null, '2026-08-01')
    expect(e.verdict).toBe('free_repair')
    expect(e.secondRepairRule).toBe(false)
    expect(keys(e)).toContain('warranty.reason.noClaim')
  })
})

describe('void conditions', () => {
  it('a unit-scope void makes any claim a paid repair (不实行三包，可以收费修理), naming the reason', () => {
    const u = unit({ voids: [{ scope: 'unit', reason: 'liquid_damage' }] })
    const e = evaluate(phone, u, perf(), '2026-01-03')
    expect(e.verdict).toBe('paid_repair')
    expect(reasonOf(e, 'warranty.reason.voidUnit')?.params).toEqual({ reason: 'liquid_damage' })
    expect(e.components.every((c) => c.voided)).toBe(true)
    expect(evaluate(phone, u, perf('battery'), '2026-03-01').verdict).toBe('paid_repair')
  })

  it('a component-scope void affects claims on that component only', () => {
    const u = unit({ voids: [{ scope: 'component', component: 'battery', reason: 'third_party_repair' }] })
    const e = evaluate(phone, u, perf('battery'), '2026-03-01')
    expect(e.verdict).toBe('paid_repair')
    expect(reasonOf(e, 'warranty.reason.voidComponent')?.params).toEqual({
      component: 'battery',
      reason: 'third_party_repair'
    })
    expect(e.components.find((c) => c.component === 'battery')?.voided).toBe(true)
    expect(e.components.find((c) => c.component === 'charger')?.voided).toBe(false)
    expect(evaluate(phone, u, perf('charger'), '2026-03-01').verdict).toBe('accessory_exchange')
    expect(evaluate(phone, u, perf(), '2026-01-03').verdict).toBe('refund')
  })
})

describe('repair warranty on parts replaced in paid repairs', () => {
  const u = unit({
    invoiceDate: '2024-01-01',
    replacedParts: [{ component: 'main_board', replacedOn: '2026-02-01', warrantyDays: 90 }]
  })

  it('covers the part through replacedOn + 90 days even after the unit warranty ended', () => {
    expect(evaluate(phone, u, perf('main_board'), '2026-01-31').verdict).toBe('paid_repair')
    expect(evaluate(phone, u, perf('main_board'), '2026-02-01').verdict).toBe('free_repair')
    const e = evaluate(phone, u, perf('main_board'), '2026-05-02')
    expect(e.verdict).toBe('free_repair')
    expect(e.partWarranties).toEqual([{ component: 'main_board', end: '2026-05-02', daysLeft: 0 }])
    expect(keys(e)).toEqual([
      'warranty.reason.startInvoice',
      'warranty.reason.repairPeriodEnded',
      'warranty.reason.partRepairWarranty'
    ])
    expect(reasonOf(e, 'warranty.reason.partRepairWarranty')?.params).toEqual({
      component: 'main_board',
      replacedOn: '2026-02-01',
      warrantyDays: 90,
      end: '2026-05-02',
      daysLeft: 0
    })
    const out = evaluate(phone, u, perf('main_board'), '2026-05-03')
    expect(out.verdict).toBe('paid_repair')
    expect(reasonOf(out, 'warranty.reason.partRepairWarrantyEnded')?.params).toEqual({
      component: 'main_board',
      end: '2026-05-02',
      daysSince: 1
    })
  })

  it('says the free repair is the shop’s own warranty, not the brand’s 三包, whichever rule finds the part', () => {
    expect(evaluate(phone, u, perf('main_board'), '2026-03-01').coveredBy).toBe('shop')
    const noDates = { ...u, invoiceDate: null, productionDate: null }
    expect(evaluate(phone, noDates, perf('main_board'), '2026-03-01').coveredBy).toBe('shop')
    // Inside the unit's own period the brand's 三包 covers it first; nothing covers a paid repair.
    const young = { ...u, invoiceDate: '2025-12-01' }
    expect(evaluate(phone, young, perf('main_board'), '2026-03-01')).toMatchObject({
      verdict: 'free_repair',
      coveredBy: 'brand'
    })
    expect(evaluate(phone, u, perf('charger'), '2026-03-01').coveredBy).toBeNull()
    // A refund within its window is the brand's remedy too.
    expect(evaluate(phone, young, perf(), '2025-12-03')).toMatchObject({ verdict: 'refund', coveredBy: 'brand' })
  })

  it('does not cover other components', () => {
    expect(evaluate(phone, u, perf('charger'), '2026-03-01').verdict).toBe('paid_repair')
    expect(evaluate(phone, u, perf(), '2026-03-01').verdict).toBe('paid_repair')
  })

  it('still answers when the unit start is unknown', () => {
    const noDates = { ...u, invoiceDate: null, productionDate: null }
    expect(evaluate(phone, noDates, perf('main_board'), '2026-03-01').verdict).toBe('free_repair')
    expect(evaluate(phone, noDates, perf('charger'), '2026-03-01').verdict).toBe('unknown_start')
  })
})

describe('appearance damage is not covered (no 三包 remedy at all)', () => {
  it('is not covered inside the unit period, naming the reason', () => {
    const e = evaluate(phone, unit({ invoiceDate: '2026-01-01' }), looks(), '2026-03-01')
    expect(e.verdict).toBe('not_covered')
    expect(e.repairEnd).toBe('2027-01-01')
    expect(keys(e)).toEqual(['warranty.reason.startInvoice', 'warranty.reason.appearanceNotCovered'])
    expect(reasonOf(e, 'warranty.reason.appearanceNotCovered')?.params).toEqual({})
    // Also on a component with its own period, on its last day.
    expect(evaluate(phone, unit({ invoiceDate: '2026-01-01' }), looks('battery'), '2026-07-01').verdict).toBe(
      'not_covered'
    )
  })

  it('inside the exchange window: no refund or exchange either, not covered', () => {
    const day1 = evaluate(phone, unit({ invoiceDate: '2026-01-01' }), looks(), '2026-01-01')
    expect(day1.verdict).toBe('not_covered')
    expect(keys(day1)).toEqual([
      'warranty.reason.startInvoice',
      'warranty.reason.appearanceNoRefundExchange',
      'warranty.reason.appearanceNotCovered'
    ])
  })

  it('a part under the shop repair warranty is not covered for appearance damage either', () => {
    const u = unit({
      invoiceDate: '2024-01-01',
      replacedParts: [{ component: 'main_board', replacedOn: '2026-02-01', warrantyDays: 90 }]
    })
    const e = evaluate(phone, u, looks('main_board'), '2026-03-01')
    expect(e.verdict).toBe('not_covered')
    expect(keys(e)).toContain('warranty.reason.appearanceNotCovered')
    expect(keys(e)).not.toContain('warranty.reason.partRepairWarranty')
    expect(evaluate(phone, u, perf('main_board'), '2026-03-01').verdict).toBe('free_repair')
  })

  it('is not covered even when the start is unknown; a void makes it a paid repair', () => {
    expect(evaluate(phone, unit({ invoiceDate: null, productionDate: null }), looks(), '2026-03-01').verdict).toBe(
      'not_covered'
    )
    const voided = unit({ voids: [{ scope: 'unit', reason: 'physical_damage' }] })
    expect(evaluate(phone, voided, looks(), '2026-03-01').verdict).toBe('paid_repair')
  })
})

describe('a unit replaced by an exchange', () => {
  it('is not covered: its warranty passed to the new unit, said right after the start', () => {
    const u = unit({ invoiceDate: '2026-01-01', replacedBySerial: 'SN-NEW-1' })
    // Would be a refund on 2026-01-03 if it had not been replaced.
    const e = evaluate(phone, u, perf(), '2026-01-03')
    expect(e.verdict).toBe('not_covered')
    expect(e.reasons.slice(0, 2)).toEqual([
      { key: 'warranty.reason.startInvoice', params: { invoiceDate: '2026-01-01' } },
      { key: 'warranty.reason.replacedBy', params: { serial: 'SN-NEW-1' } }
    ])
    expect(keys(e)).not.toContain('warranty.reason.refundWindow')
    expect(evaluate(phone, u, perf('battery'), '2026-03-01').verdict).toBe('not_covered')
    expect(evaluate(phone, u, looks(), '2026-03-01').verdict).toBe('not_covered')
    const noClaim = evaluate(phone, u, null, '2026-03-01')
    expect(keys(noClaim).slice(0, 3)).toEqual([
      'warranty.reason.startInvoice',
      'warranty.reason.replacedBy',
      'warranty.reason.noClaim'
    ])
  })

  it('wins over voids, part warranties and an unknown start', () => {
    const u = unit({
      invoiceDate: null,
      productionDate: null,
      replacedBySerial: 'SN-NEW-2',
      voids: [{ scope: 'unit', reason: 'liquid_damage' }],
      replacedParts: [{ component: 'main_board', replacedOn: '2026-02-01', warrantyDays: 90 }]
    })
    const e = evaluate(phone, u, perf('main_board'), '2026-03-01')
    expect(e.verdict).toBe('not_covered')
    expect(keys(e)).toEqual(['warranty.reason.startUnknown', 'warranty.reason.replacedBy'])
  })

  it('null or absent replacedBySerial changes nothing', () => {
    expect(evaluate(phone, unit({ replacedBySerial: null }), perf(), '2026-01-03').verdict).toBe('refund')
  })
})

describe('voids recorded before a part was replaced', () => {
  const part = { component: 'main_board', replacedOn: '2026-02-01', warrantyDays: 90 }
  const withVoid = (v: UnitFacts['voids'][number]) =>
    unit({ invoiceDate: '2024-01-01', voids: [v], replacedParts: [part] })

  it('a component void recorded before replacedOn does not void the part repair warranty, through its last day', () => {
    const u = withVoid({
      scope: 'component',
      component: 'main_board',
      reason: 'third_party_repair',
      recordedOn: '2026-01-31'
    })
    const e = evaluate(phone, u, perf('main_board'), '2026-05-02')
    expect(e.verdict).toBe('free_repair')
    expect(keys(e)).toEqual([
      'warranty.reason.startInvoice',
      'warranty.reason.voidBeforePartReplaced',
      'warranty.reason.partRepairWarranty'
    ])
    expect(reasonOf(e, 'warranty.reason.voidBeforePartReplaced')?.params).toEqual({
      component: 'main_board',
      reason: 'third_party_repair',
      recordedOn: '2026-01-31',
      replacedOn: '2026-02-01'
    })
    // The part warranty over: the void applies again.
    const out = evaluate(phone, u, perf('main_board'), '2026-05-03')
    expect(out.verdict).toBe('paid_repair')
    expect(keys(out)).toContain('warranty.reason.voidComponent')
    // Before the part was replaced (no running part warranty): the void applies.
    expect(evaluate(phone, u, perf('main_board'), '2026-01-31').verdict).toBe('paid_repair')
  })

  it('a void recorded on or after replacedOn, or without a date, still voids', () => {
    const on = withVoid({
      scope: 'component',
      component: 'main_board',
      reason: 'liquid_damage',
      recordedOn: '2026-02-01'
    })
    expect(evaluate(phone, on, perf('main_board'), '2026-03-01').verdict).toBe('paid_repair')
    const after = withVoid({ scope: 'unit', reason: 'liquid_damage', recordedOn: '2026-02-15' })
    expect(evaluate(phone, after, perf('main_board'), '2026-03-01').verdict).toBe('paid_repair')
    const undated = withVoid({ scope: 'component', component: 'main_board', reason: 'liquid_damage' })
    const e = evaluate(phone, undated, perf('main_board'), '2026-03-01')
    expect(e.verdict).toBe('paid_repair')
    expect(keys(e)).not.toContain('warranty.reason.voidBeforePartReplaced')
  })

  it('an earlier unit void is set aside for the part claim only; other claims stay paid repairs', () => {
    const u = withVoid({ scope: 'unit', reason: 'liquid_damage', recordedOn: '2026-01-20' })
    const e = evaluate(phone, u, perf('main_board'), '2026-03-01')
    expect(e.verdict).toBe('free_repair')
    expect(reasonOf(e, 'warranty.reason.voidBeforePartReplaced')?.params).toEqual({
      component: 'main_board',
      reason: 'liquid_damage',
      recordedOn: '2026-01-20',
      replacedOn: '2026-02-01'
    })
    expect(evaluate(phone, u, perf('charger'), '2026-03-01').verdict).toBe('paid_repair')
    expect(evaluate(phone, u, perf(), '2026-03-01').verdict).toBe('paid_repair')
    expect(evaluate(phone, u, null, '2026-03-01').verdict).toBe('paid_repair')
  })

  it('a part claim saved that way is judged on the part warranty alone, never refund or exchange', () => {
    const u = unit({
      invoiceDate: '2026-01-25',
      voids: [{ scope: 'unit', reason: 'physical_damage', recordedOn: '2026-01-26' }],
      replacedParts: [{ component: 'main_board', replacedOn: '2026-01-28', warrantyDays: 30 }]
    })
    const e = evaluate(phone, u, perf('main_board'), '2026-01-30')
    expect(e.verdict).toBe('free_repair')
    expect(keys(e)).not.toContain('warranty.reason.refundWindow')
    expect(keys(e)).toContain('warranty.reason.partRepairWarranty')
    // A later void on the same component on top of the earlier one still voids it.
    const both = unit({
      ...u,
      voids: [
        ...u.voids,
        { scope: 'component', component: 'main_board', reason: 'liquid_damage', recordedOn: '2026-01-29' }
      ]
    })
    expect(evaluate(phone, both, perf('main_board'), '2026-01-30').verdict).toBe('paid_repair')
  })
})

describe('repairs that did not repair the unit', () => {
  const returnedUnrepaired = unit({
    invoiceDate: '2026-01-01',
    repairs: [
      warrantyRepair('2026-03-01', '2026-03-05', 'X'),
      { ...warrantyRepair('2026-05-01', '2026-05-04', 'X'), repaired: false }
    ]
  })

  it('still extend the repair period', () => {
    const e = evaluate(phone, returnedUnrepaired, perf(null, 'Y'), '2027-01-08')
    expect(e.extensionDays).toBe(7)
    expect(e.repairEnd).toBe('2027-01-08')
    expect(e.verdict).toBe('free_repair')
    expect(reasonOf(e, 'warranty.reason.repairExtension')?.params).toEqual({ days: 7, repairs: 2 })
    expect(evaluate(phone, returnedUnrepaired, perf(null, 'Y'), '2027-01-09').verdict).toBe('paid_repair')
  })

  it('do not count for the second-repair rule or the repeated-fault history', () => {
    const e = evaluate(phone, returnedUnrepaired, perf(null, 'X'), '2026-08-01')
    expect(e.verdict).toBe('free_repair')
    expect(e.secondRepairRule).toBe(false)
    expect(keys(evaluate(phone, returnedUnrepaired, perf(null, 'Y'), '2026-08-01'))).not.toContain(
      'warranty.reason.repeatFaultHistory'
    )
  })

  it('repaired: true counts like an absent flag', () => {
    const u = unit({
      invoiceDate: '2026-01-01',
      repairs: [
        { ...warrantyRepair('2026-03-01', '2026-03-05', 'X'), repaired: true },
        warrantyRepair('2026-05-01', '2026-05-04', 'X')
      ]
    })
    const e = evaluate(phone, u, perf(null, 'X'), '2026-08-01')
    expect(e.verdict).toBe('exchange')
    expect(e.secondRepairRule).toBe(true)
  })
})

describe('a unit given back for a refund, and the 1995 goods’ refund instead of an exchange', () => {
  it('a refunded unit is not covered: its 三包 is fulfilled, said right after the start', () => {
    const e = evaluate(tv, unit({ refundedOn: '2026-01-05' }), perf(), '2026-01-06')
    expect(e.verdict).toBe('not_covered')
    expect(keys(e).slice(0, 2)).toEqual(['warranty.reason.startInvoice', 'warranty.reason.refunded'])
  })

  it('《部分商品…》第十二条、第十三条: a TV past its waiting limit may be exchanged or refunded; a phone (2001 art. 16) exchanged', () => {
    const waiting = (category: 'tv' | 'mobile_phone') =>
      unit({
        invoiceDate: '2026-01-10',
        waiting: waitingRecord(category, 'parts_not_supplied', '2026-03-02', '2026-03-02')
      })
    const due = evaluate(tv, waiting('tv'), null, '2026-06-01')
    expect(due).toMatchObject({ verdict: 'exchange_or_refund', remedyRule: 'waiting_limit' })
    expect(keys(due)).toContain('warranty.reason.refundInsteadOfExchange')
    expect(evaluate(phone, waiting('mobile_phone'), null, '2026-06-01').verdict).toBe('exchange')
  })
})

describe('waiting too long and the fault date (the domain rules; the lookup tables are in waitingLimits and faultDate)', () => {
  const invoiced = (waiting: UnitFacts['waiting']) => unit({ invoiceDate: '2026-01-10', waiting })

  it('2001 (phones) art. 16: 60 days without parts from the day brought in; the limit is judged on today, not the fault date', () => {
    const u = invoiced(waitingRecord('mobile_phone', 'parts_not_supplied', '2026-03-03', '2026-03-02'))
    const before = evaluate(phone, u, null, '2026-05-01')
    expect(before.verdict).toBe('free_repair')
    expect(reasonOf(before, 'warranty.reason.waitingLimitAhead')?.params).toMatchObject({
      entitledOn: '2026-05-02',
      daysToGo: 1,
      article: 'phones_2001_art16'
    })
    const due = evaluate(phone, u, { ...perf(), faultDate: '2026-03-01' }, '2026-05-02')
    expect(due.verdict).toBe('exchange')
    expect(due.remedyRule).toBe('waiting_limit')
    expect(due.judgedOn).toBe('2026-03-01')
    expect(keys(due)).toContain('warranty.reason.waitingLimitReached')
    expect(keys(due)).toContain('warranty.reason.faultDate')
  })

  it('2002 (computers) art. 8 and 23: missing parts give no exchange; the repairer’s delay does after 30 days', () => {
    const computer = DEFAULT_POLICIES.computer
    const parts = evaluate(
      computer,
      invoiced(waitingRecord('computer', 'parts_not_supplied', '2026-03-02', '2026-03-02')),
      null,
      '2026-09-01'
    )
    expect(parts.verdict).toBe('free_repair')
    expect(keys(parts)).toContain('warranty.reason.waitingNoLimit')
    const delay = invoiced(waitingRecord('computer', 'repairer_delay', '2026-03-02', '2026-03-02'))
    expect(evaluate(computer, delay, null, '2026-04-01').verdict).toBe('free_repair')
    expect(evaluate(computer, delay, null, '2026-04-02').verdict).toBe('exchange')
  })
})

describe('accessories remedied at the counter (a phone bought 2026-01-01)', () => {
  // A charger exchanged twice and refunded on day 2 (slips PJ-…), as the lookup reads the unit.
  const remedied = unit({
    repairs: ['2026-01-01', '2026-01-02'].map((day) => ({
      receivedDate: day,
      returnedDate: day,
      underWarranty: true,
      faultCode: 'S01',
      component: 'charger'
    })),
    accessoryRemedies: [
      { kind: 'exchange', component: 'charger', givenOn: '2026-01-01', number: 'PJ-260101-0001', refundFen: null },
      { kind: 'exchange', component: 'charger', givenOn: '2026-01-02', number: 'PJ-260102-0001', refundFen: null },
      { kind: 'refund', component: 'charger', givenOn: '2026-01-03', number: 'PJ-260103-0001', refundFen: 9_900 }
    ]
  })

  it('the phone keeps its 7-day refund, less the charger already refunded; each slip is named', () => {
    const e = evaluate(phone, remedied, null, '2026-01-05')
    expect(e.verdict).toBe('refund')
    expect(keys(e).filter((k) => k === 'warranty.reason.accessoryRemedyGiven')).toHaveLength(3)
    expect(keys(e)).toContain('warranty.reason.unitWindowsAfterAccessoryRemedy')
    expect(reasonOf(e, 'warranty.reason.accessoryRefundDeducted')?.params).toEqual({
      component: 'charger',
      amount: '99.00',
      number: 'PJ-260103-0001'
    })
  })

  it('the refunded charger is not covered again', () => {
    const e = evaluate(phone, remedied, perf('charger', 'S01'), '2026-01-05')
    expect(e.verdict).toBe('not_covered')
    expect(reasonOf(e, 'warranty.reason.accessoryRefunded')?.params).toEqual({
      component: 'charger',
      refundedOn: '2026-01-03',
      number: 'PJ-260103-0001'
    })
  })
})

describe('reasons', () => {
  it('every verdict has at least one reason, and every emitted key is in REASON_KEYS', () => {
    expect(seen.length).toBeGreaterThan(50)
    const verdicts = new Set(seen.map((e) => e.verdict))
    expect([...verdicts].sort()).toEqual([
      'accessory_exchange',
      'accessory_refund',
      'exchange',
      'exchange_or_refund',
      'free_new_component',
      'free_repair',
      'not_covered',
      'paid_repair',
      'refund',
      'unknown_start'
    ])
    const known = new Set<string>(REASON_KEYS)
    for (const e of seen) {
      expect(e.reasons.length).toBeGreaterThan(0)
      for (const r of e.reasons) expect(known.has(r.key), r.key).toBe(true)
    }
  })

  it('every reason key in REASON_KEYS is emitted by some test above', () => {
    const emitted = new Set(seen.flatMap((e) => e.reasons.map((r) => r.key)))
    expect(REASON_KEYS.filter((k) => !emitted.has(k))).toEqual([])
  })
})
