/**
 * The warranty verdict for one unit and one fault claim, with the reasons that led to it.
 *
 * Pure: no I/O, no clock (the caller passes `today`), calendar dates are 'YYYY-MM-DD' strings.
 * Every verdict comes with ordered, parameterised reasons (`warranty.reason.*` keys listed in
 * REASON_KEYS) so the front desk can explain the answer with the dates it was computed from.
 */
import { daysBetween } from '../workOrderAge'
import { addDays, daysPeriodEnd, monthsPeriodEnd, type WarrantyPolicy } from './policy'

/** One repair of this unit, from the repair records. */
export interface RepairRecord {
  receivedDate: string
  /** null while the unit is still in the shop */
  returnedDate: string | null
  underWarranty: boolean
  faultCode: string | null
  component: string | null
}

/** A void condition recorded at intake. */
export interface VoidCondition {
  scope: 'unit' | 'component'
  /** required when scope is 'component' */
  component?: string
  reason: 'physical_damage' | 'liquid_damage' | 'third_party_repair' | 'serial_tampered'
}

/** What is known about the unit. */
export interface UnitFacts {
  invoiceDate: string | null
  productionDate: string | null
  /** this unit replaced an earlier one on this date (a new serial) */
  exchangedOn: string | null
  /** the earlier unit's warranty start, when exchanged */
  originalStartDate: string | null
  repairs: RepairRecord[]
  voids: VoidCondition[]
  /** parts replaced in paid repairs, each with its own repair warranty */
  replacedParts: { component: string; replacedOn: string; warrantyDays: number }[]
}

/** The fault the customer brings in. */
export interface FaultClaim {
  kind: 'performance' | 'appearance'
  /** null: the whole unit */
  component: string | null
  faultCode: string | null
}

export type Verdict = 'refund' | 'exchange' | 'free_repair' | 'paid_repair' | 'not_covered' | 'unknown_start'

/** Every reason key evaluateWarranty can emit, with the params each carries (see the list below). */
export const REASON_KEYS = [
  /** { invoiceDate } */
  'warranty.reason.startInvoice',
  /** { productionDate, fallbackDays, start } */
  'warranty.reason.startProductionFallback',
  /** { exchangedOn } — the exchanged unit's period restarts at the exchange date */
  'warranty.reason.startExchangeRestart',
  /** { exchangedOn, originalStartDate } — the exchanged unit continues the earlier unit's period */
  'warranty.reason.startExchangeContinue',
  /** { exchangedOn } — continues the earlier unit's period, but its start is not recorded */
  'warranty.reason.startExchangeOriginalUnknown',
  /** {} — neither invoice nor production date */
  'warranty.reason.startUnknown',
  /** { days, repairs } — days in warranty repair added to the repair and component periods */
  'warranty.reason.repairExtension',
  /** {} — no claim given: judged as a performance fault of the whole unit */
  'warranty.reason.noClaim',
  /** { reason } */
  'warranty.reason.voidUnit',
  /** { component, reason } */
  'warranty.reason.voidComponent',
  /** { start, refundDays, refundEnd, daysLeft } */
  'warranty.reason.refundWindow',
  /** { start, exchangeDays, exchangeEnd, daysLeft } */
  'warranty.reason.exchangeWindow',
  /** { exchangeEnd } — appearance damage is never refunded or exchanged */
  'warranty.reason.appearanceNoRefundExchange',
  /** { faultCode, repairs, lastReturnedDate, periodEnd } — repaired twice for this fault, failing again */
  'warranty.reason.secondRepairRule',
  /** { faultCode, repairs } — informative: one more failure with this code makes exchange or refund due */
  'warranty.reason.repeatFaultHistory',
  /** { start, repairMonths, repairEnd, daysLeft } */
  'warranty.reason.repairPeriod',
  /** { repairEnd, daysSince } */
  'warranty.reason.repairPeriodEnded',
  /** { component, months, end, daysLeft } */
  'warranty.reason.componentPeriod',
  /** { component, end, daysSince } */
  'warranty.reason.componentPeriodEnded',
  /** { component, replacedOn, warrantyDays, end, daysLeft } */
  'warranty.reason.partRepairWarranty',
  /** { component, end, daysSince } */
  'warranty.reason.partRepairWarrantyEnded'
] as const

export type ReasonKey = (typeof REASON_KEYS)[number]

/** One step of the explanation: an i18n key and the values (mostly dates) it names. */
export interface Reason {
  key: string
  params: Record<string, string | number>
}

export interface WarrantyEvaluation {
  verdict: Verdict
  /** plain, ordered explanation; every verdict has at least one reason */
  reasons: Reason[]
  /** warranty start */
  start: string | null
  startBasis: 'invoice' | 'production_fallback' | 'exchange' | null
  /** last day inclusive (not extended by repair time) */
  refundEnd: string | null
  /** last day inclusive (not extended by repair time) */
  exchangeEnd: string | null
  /** whole unit, last day inclusive, after the repair-time extension */
  repairEnd: string | null
  /** days spent in warranty repair, added to the repair and component periods */
  extensionDays: number
  /** for the whole-unit repair period: 0 on the last day, negative when over */
  daysLeft: number | null
  /** per-component repair periods (after the extension); voided by a unit or component void */
  components: { component: string; end: string; daysLeft: number; voided: boolean }[]
  /** parts replaced in paid repairs (repair warranty) */
  partWarranties: { component: string; end: string; daysLeft: number }[]
  /** repaired twice under warranty for the same fault and failing again */
  secondRepairRule: boolean
}

function reason(key: ReasonKey, params: Record<string, string | number> = {}): Reason {
  return { key, params }
}

interface StartResult {
  start: string | null
  basis: WarrantyEvaluation['startBasis']
  reason: Reason
}

/**
 * Warranty start:
 * - an exchanged unit: the exchange date when the policy restarts the period, else the earlier
 *   unit's start (unknown if that was not recorded);
 * - otherwise the invoice date;
 * - no invoice: production date + noInvoiceFallbackDays;
 * - neither: unknown.
 */
function warrantyStart(policy: WarrantyPolicy, unit: UnitFacts): StartResult {
  if (unit.exchangedOn) {
    if (policy.exchangeRestartsPeriod) {
      return {
        start: unit.exchangedOn,
        basis: 'exchange',
        reason: reason('warranty.reason.startExchangeRestart', { exchangedOn: unit.exchangedOn })
      }
    }
    if (unit.originalStartDate) {
      return {
        start: unit.originalStartDate,
        basis: 'exchange',
        reason: reason('warranty.reason.startExchangeContinue', {
          exchangedOn: unit.exchangedOn,
          originalStartDate: unit.originalStartDate
        })
      }
    }
    return {
      start: null,
      basis: null,
      reason: reason('warranty.reason.startExchangeOriginalUnknown', { exchangedOn: unit.exchangedOn })
    }
  }
  if (unit.invoiceDate) {
    return {
      start: unit.invoiceDate,
      basis: 'invoice',
      reason: reason('warranty.reason.startInvoice', { invoiceDate: unit.invoiceDate })
    }
  }
  if (unit.productionDate) {
    const start = addDays(unit.productionDate, policy.noInvoiceFallbackDays)
    return {
      start,
      basis: 'production_fallback',
      reason: reason('warranty.reason.startProductionFallback', {
        productionDate: unit.productionDate,
        fallbackDays: policy.noInvoiceFallbackDays,
        start
      })
    }
  }
  return { start: null, basis: null, reason: reason('warranty.reason.startUnknown') }
}

/**
 * Days the unit spent in repairs marked underWarranty (三包: 修理占用的时间不计入三包有效期).
 *
 * A repair counts the days from the day received up to, not including, the day returned
 * (received 2026-03-01, returned 2026-03-11 = 10 days; returned the same day = 0). A repair
 * still open counts through today inclusive (the unit is in the shop today). Days before the
 * warranty start are not counted, and overlapping repairs count each day once. Paid repairs
 * never count.
 */
export function warrantyRepairDays(repairs: RepairRecord[], start: string | null, today: string): number {
  const intervals: [string, string][] = [] // [first day, day after the last day)
  for (const r of repairs) {
    if (!r.underWarranty) continue
    let from = r.receivedDate
    const to = r.returnedDate ?? addDays(today, 1)
    if (start && from < start) from = start
    if (to > from) intervals.push([from, to])
  }
  intervals.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  let total = 0
  let coveredTo: string | null = null
  for (const [from, to] of intervals) {
    const effectiveFrom = coveredTo && coveredTo > from ? coveredTo : from
    if (to > effectiveFrom) total += daysBetween(effectiveFrom, to)
    if (!coveredTo || to > coveredTo) coveredTo = to
  }
  return total
}

/** The fault code repaired at least twice under warranty (completed repairs), with its repairs. */
function repeatedFaults(repairs: RepairRecord[]): Map<string, RepairRecord[]> {
  const byCode = new Map<string, RepairRecord[]>()
  for (const r of repairs) {
    if (!r.underWarranty || r.faultCode === null || r.returnedDate === null) continue
    const list = byCode.get(r.faultCode) ?? []
    list.push(r)
    byCode.set(r.faultCode, list)
  }
  for (const [code, list] of byCode) if (list.length < 2) byCode.delete(code)
  return byCode
}

function latest(dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a))
}

/**
 * Judge a unit against its policy for a fault claim on `today`.
 *
 * Order of the rules (the first that applies decides the verdict; the reasons list every step
 * that mattered, starting with the warranty start):
 * 1. a unit-scope void → 'not_covered'; a component-scope void on the claimed component →
 *    'not_covered' (voids on other components do not affect the claim);
 * 2. no start (no invoice, no production date, or an exchanged unit continuing an unrecorded
 *    start) → 'unknown_start', unless a replaced part's repair warranty covers the claim;
 * 3. performance fault within the refund window → 'refund'; within the exchange window →
 *    'exchange' (appearance claims never get either; a reason says so);
 * 4. second-repair rule: two completed warranty repairs with the claim's (non-null) fault code
 *    and today within the applicable repair period → 'exchange' (the customer may choose refund);
 * 5. within the applicable repair period → 'free_repair'. The applicable period is the claimed
 *    component's own period when the policy has one (longer or shorter than the unit's),
 *    otherwise the whole unit's;
 * 6. a part replaced in a paid repair, matching the claimed component and still within its
 *    repair warranty → 'free_repair', even when the unit itself is out of warranty;
 * 7. otherwise → 'paid_repair', with the end date and the days since.
 *
 * The refund and exchange windows run from the start and are NOT extended by repair time: the
 * regulations deduct repair time from the 三包有效期 (the repair period), and the 7/15-day
 * windows are about the sale itself. Repair and component periods are extended by
 * `extensionDays` (see warrantyRepairDays).
 *
 * `claim` null: only the dates are evaluated and the verdict is the one for a performance fault
 * of the whole unit (no fault code, so the second-repair rule cannot fire; a repeated fault in
 * the history is still reported as a reason).
 */
export function evaluateWarranty(
  policy: WarrantyPolicy,
  unit: UnitFacts,
  claim: FaultClaim | null,
  today: string
): WarrantyEvaluation {
  const reasons: Reason[] = []
  const effectiveClaim: FaultClaim = claim ?? { kind: 'performance', component: null, faultCode: null }

  const startResult = warrantyStart(policy, unit)
  const start = startResult.start
  reasons.push(startResult.reason)
  if (!claim) reasons.push(reason('warranty.reason.noClaim'))

  const extensionDays = warrantyRepairDays(unit.repairs, start, today)
  const warrantyRepairCount = unit.repairs.filter((r) => r.underWarranty).length
  if (extensionDays > 0) {
    reasons.push(reason('warranty.reason.repairExtension', { days: extensionDays, repairs: warrantyRepairCount }))
  }

  const unitVoid = unit.voids.find((v) => v.scope === 'unit')
  const componentVoid = (component: string) =>
    unit.voids.find((v) => v.scope === 'component' && v.component === component)

  const refundEnd = start ? daysPeriodEnd(start, policy.refundDays) : null
  const exchangeEnd = start ? daysPeriodEnd(start, policy.exchangeDays) : null
  const repairEnd = start ? addDays(monthsPeriodEnd(start, policy.repairMonths), extensionDays) : null
  const daysLeft = repairEnd ? daysBetween(today, repairEnd) : null

  const components = start
    ? policy.components.map((c) => {
        const end = addDays(monthsPeriodEnd(start, c.months), extensionDays)
        return {
          component: c.component,
          end,
          daysLeft: daysBetween(today, end),
          voided: unitVoid !== undefined || componentVoid(c.component) !== undefined
        }
      })
    : []

  const partWarranties = unit.replacedParts.map((p) => {
    const end = daysPeriodEnd(p.replacedOn, p.warrantyDays)
    return { component: p.component, end, daysLeft: daysBetween(today, end) }
  })

  const result = (verdict: Verdict, secondRepairRule = false): WarrantyEvaluation => ({
    verdict,
    reasons,
    start,
    startBasis: startResult.basis,
    refundEnd,
    exchangeEnd,
    repairEnd,
    extensionDays,
    daysLeft,
    components,
    partWarranties,
    secondRepairRule
  })

  // 1. Voids.
  if (unitVoid) {
    reasons.push(reason('warranty.reason.voidUnit', { reason: unitVoid.reason }))
    return result('not_covered')
  }
  const claimedComponent = effectiveClaim.component
  if (claimedComponent !== null) {
    const v = componentVoid(claimedComponent)
    if (v) {
      reasons.push(reason('warranty.reason.voidComponent', { component: claimedComponent, reason: v.reason }))
      return result('not_covered')
    }
  }

  // The replaced part (paid repair) covering this claim, if any: the one with the latest end.
  const matchingParts = claimedComponent === null ? [] : unit.replacedParts.filter((p) => p.component === claimedComponent)
  const partWarranty = (() => {
    if (matchingParts.length === 0) return null
    const ends = matchingParts.map((p) => ({ p, end: daysPeriodEnd(p.replacedOn, p.warrantyDays) }))
    return ends.reduce((a, b) => (b.end > a.end ? b : a))
  })()
  const partCovers = partWarranty !== null && today >= partWarranty.p.replacedOn && today <= partWarranty.end
  const partReason = (w: { p: UnitFacts['replacedParts'][number]; end: string }): Reason =>
    reason('warranty.reason.partRepairWarranty', {
      component: w.p.component,
      replacedOn: w.p.replacedOn,
      warrantyDays: w.p.warrantyDays,
      end: w.end,
      daysLeft: daysBetween(today, w.end)
    })

  // 2. Unknown start.
  if (!start || !refundEnd || !exchangeEnd || !repairEnd) {
    if (partCovers && partWarranty) {
      reasons.push(partReason(partWarranty))
      return result('free_repair')
    }
    return result('unknown_start')
  }

  // 3. Refund / exchange windows.
  if (effectiveClaim.kind === 'performance') {
    if (today <= refundEnd) {
      reasons.push(
        reason('warranty.reason.refundWindow', {
          start,
          refundDays: policy.refundDays,
          refundEnd,
          daysLeft: daysBetween(today, refundEnd)
        })
      )
      return result('refund')
    }
    if (today <= exchangeEnd) {
      reasons.push(
        reason('warranty.reason.exchangeWindow', {
          start,
          exchangeDays: policy.exchangeDays,
          exchangeEnd,
          daysLeft: daysBetween(today, exchangeEnd)
        })
      )
      return result('exchange')
    }
  } else if (today <= exchangeEnd) {
    reasons.push(reason('warranty.reason.appearanceNoRefundExchange', { exchangeEnd }))
  }

  // The applicable repair period: the claimed component's own, else the whole unit's.
  const componentPolicy =
    claimedComponent === null ? undefined : policy.components.find((c) => c.component === claimedComponent)
  const componentEntry = componentPolicy ? components.find((c) => c.component === componentPolicy.component) : undefined
  const periodEnd = componentEntry ? componentEntry.end : repairEnd
  const withinPeriod = today <= periodEnd

  // 4. Second-repair rule.
  const repeated = repeatedFaults(unit.repairs)
  const claimCode = effectiveClaim.kind === 'performance' ? effectiveClaim.faultCode : null
  const repeatedForClaim = claimCode === null ? undefined : repeated.get(claimCode)
  if (repeatedForClaim && claimCode !== null && withinPeriod) {
    reasons.push(
      reason('warranty.reason.secondRepairRule', {
        faultCode: claimCode,
        repairs: repeatedForClaim.length,
        lastReturnedDate: latest(repeatedForClaim.map((r) => r.returnedDate ?? r.receivedDate)),
        periodEnd
      })
    )
    return result('exchange', true)
  }
  for (const [code, list] of repeated) {
    if (code !== claimCode) reasons.push(reason('warranty.reason.repeatFaultHistory', { faultCode: code, repairs: list.length }))
  }

  // 5. Repair period (component or whole unit).
  if (withinPeriod) {
    if (componentPolicy && componentEntry) {
      reasons.push(
        reason('warranty.reason.componentPeriod', {
          component: componentPolicy.component,
          months: componentPolicy.months,
          end: componentEntry.end,
          daysLeft: componentEntry.daysLeft
        })
      )
    } else {
      reasons.push(
        reason('warranty.reason.repairPeriod', {
          start,
          repairMonths: policy.repairMonths,
          repairEnd,
          daysLeft: daysBetween(today, repairEnd)
        })
      )
    }
    return result('free_repair')
  }
  if (componentPolicy && componentEntry) {
    reasons.push(
      reason('warranty.reason.componentPeriodEnded', {
        component: componentPolicy.component,
        end: componentEntry.end,
        daysSince: -componentEntry.daysLeft
      })
    )
  } else {
    reasons.push(reason('warranty.reason.repairPeriodEnded', { repairEnd, daysSince: daysBetween(repairEnd, today) }))
  }

  // 6. Repair warranty on a part replaced in a paid repair.
  if (partCovers && partWarranty) {
    reasons.push(partReason(partWarranty))
    return result('free_repair')
  }
  if (partWarranty) {
    reasons.push(
      reason('warranty.reason.partRepairWarrantyEnded', {
        component: partWarranty.p.component,
        end: partWarranty.end,
        daysSince: daysBetween(partWarranty.end, today)
      })
    )
  }

  // 7. Out of warranty.
  return result('paid_repair')
}
