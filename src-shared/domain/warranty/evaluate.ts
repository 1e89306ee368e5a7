/**
 * The warranty verdict for one unit and one fault claim, with the reasons that led to it.
 *
 * Pure: no I/O, no clock (the caller passes `today`), calendar dates are 'YYYY-MM-DD' strings.
 * Every verdict comes with ordered, parameterised reasons (`warranty.reason.*` keys listed in
 * REASON_KEYS) so the front desk can explain the answer with the dates it was computed from.
 */
import { daysBetween } from '../workOrderAge'
import { addDays, daysPeriodEnd, monthsPeriodEnd, type WarrantyPolicy } from './policy'
import { exchangeDue } from './exchange'
import { reason, type Reason } from './reasons'
import { waitingEntitledOn, type WaitingCause, type WaitingRecord } from './waiting'
import {
  WARRANTY_RULES,
  type ApplicablePeriod,
  type Decision,
  type PartWarranty,
  type Periods,
  type WarrantyCase
} from './rules'

export { REASON_KEYS, type Reason, type ReasonKey } from './reasons'

/** One repair of this unit, from the repair records. */
export interface RepairRecord {
  receivedDate: string
  /** null while the unit is still in the shop */
  returnedDate: string | null
  underWarranty: boolean
  faultCode: string | null
  component: string | null
  /**
   * false: the unit came back unrepaired (no fault found, customer declined…). Such a record
   * still counts for the repair-time extension (when underWarranty) but not for the
   * second-repair rule. Absent: true.
   */
  repaired?: boolean
}

/** Why a warranty is void: found at intake, or a fault cause the shop's codes mark as voiding. */
export const VOID_REASONS = ['physical_damage', 'liquid_damage', 'third_party_repair', 'serial_tampered'] as const

export type VoidReason = (typeof VOID_REASONS)[number]

/** A void condition recorded at intake. */
export interface VoidCondition {
  scope: 'unit' | 'component'
  /** required when scope is 'component' */
  component?: string
  reason: VoidReason
  /**
   * The day it was recorded. A void recorded before a part was replaced in a paid repair does
   * not void that part's repair warranty (absent: treated as recorded after, so it does).
   */
  recordedOn?: string
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
  /** this unit was itself replaced by an exchange: the serial of the unit that replaced it */
  replacedBySerial?: string | null
  /** this unit was taken back for a refund at the counter on this date: its 三包 is fulfilled */
  refundedOn?: string | null
  /** the unit is in a warranty repair that is waiting (no parts, or the repairer's delay) */
  waiting?: WaitingRecord | null
}

/** The fault the customer brings in. */
export interface FaultClaim {
  kind: 'performance' | 'appearance'
  /** null: the whole unit */
  component: string | null
  faultCode: string | null
  /**
   * When the fault appeared (absent or null: today). The periods are judged on this day, so a
   * fault that appeared on the last day of a period is judged inside it however late it is
   * brought in; a waiting limit is still judged on today.
   */
  faultDate?: string | null
}

/**
 * The rule that allowed a refund or exchange, stored with the remedy at the counter:
 * the 7-day refund window, the 15-day exchange window, the second-repair rule, the waiting limit.
 */
export type RemedyRule = 'refund_window' | 'exchange_window' | 'second_repair' | 'waiting_limit'

export type Verdict =
  | 'refund'
  | 'exchange'
  /**
   * the customer chooses an exchange or a refund: the 1995 goods repaired twice (《部分商品…》第十一条)
   * or waiting too long (第十二条), where 第十三条 lets a customer who meets an exchange condition
   * ask for a refund instead
   */
  | 'exchange_or_refund'
  | 'free_repair'
  /** a main component repaired twice fails again after the whole-unit period: a new component, free */
  | 'free_new_component'
  | 'paid_repair'
  | 'not_covered'
  | 'unknown_start'

export interface WarrantyEvaluation {
  verdict: Verdict
  /** plain, ordered explanation; every verdict has at least one reason */
  reasons: Reason[]
  /** warranty start */
  start: string | null
  /** 'no_invoice': no invoice or card and the policy grants nothing then (no 三包, no warranty end) */
  startBasis: 'invoice' | 'production_fallback' | 'exchange' | 'no_invoice' | null
  /** last day still inside the refund window, start + refundDays (not extended by repair time) */
  refundEnd: string | null
  /** last day still inside the exchange window, start + exchangeDays (not extended by repair time) */
  exchangeEnd: string | null
  /** whole unit, last day still inside the period, after the repair-time extension */
  repairEnd: string | null
  /** days spent in warranty repair, added to the repair and component periods */
  extensionDays: number
  /** for the whole-unit repair period: 0 on the last day, negative when over */
  daysLeft: number | null
  /** per-component repair periods (after the extension); voided by a unit or component void */
  components: { component: string; end: string; daysLeft: number; voided: boolean }[]
  /** parts replaced in paid repairs (repair warranty, replacedOn + warrantyDays) */
  partWarranties: { component: string; end: string; daysLeft: number }[]
  /** repaired twice under warranty for the same fault and failing again */
  secondRepairRule: boolean
  /** the day the periods were judged on: the claim's fault date, else today */
  judgedOn: string
  /** the unit waiting in a warranty repair, with the first day the customer may have an exchange */
  waiting: {
    cause: WaitingCause
    since: string
    broughtIn: string
    limitDays: number | null
    article: string | null
    /** null: this cause gives no exchange under the unit's regulation */
    entitledOn: string | null
  } | null
  /** for a refund or exchange verdict, the rule that allowed it; null otherwise */
  remedyRule: RemedyRule | null
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
 * - no invoice, when the policy grants nothing then (noInvoiceGrants 'nothing'): no start, no 三包;
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
  if ((policy.noInvoiceGrants ?? 'all_remedies') === 'nothing') {
    return { start: null, basis: 'no_invoice', reason: reason('warranty.reason.startNoInvoiceNoSanbao') }
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
 * (received 2026-03-01, returned 2026-03-11 = 10 days; returned the same day = 0), whether or
 * not the unit came back repaired (`repaired: false` counts too). A repair
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

/**
 * The fault codes repaired at least twice under warranty (completed repairs that actually
 * repaired the unit: `repaired: false` records do not count), with their repairs.
 */
function repeatedFaults(repairs: RepairRecord[]): Map<string, RepairRecord[]> {
  const byCode = new Map<string, RepairRecord[]>()
  for (const r of repairs) {
    if (!r.underWarranty || r.repaired === false || r.faultCode === null || r.returnedDate === null) continue
    const list = byCode.get(r.faultCode) ?? []
    list.push(r)
    byCode.set(r.faultCode, list)
  }
  for (const [code, list] of byCode) if (list.length < 2) byCode.delete(code)
  return byCode
}

/**
 * What every explanation starts with, whatever the verdict: where the warranty starts, whether
 * the unit was replaced, that no claim was given, and the days added for repairs under warranty.
 */
function openingReasons(
  startResult: StartResult,
  unit: UnitFacts,
  claim: FaultClaim | null,
  extensionDays: number,
  today: string
): Reason[] {
  const reasons = [startResult.reason]
  const faultDate = claim?.faultDate ?? null
  if (faultDate !== null) reasons.push(reason('warranty.reason.faultDate', { faultDate, today }))
  const replacedBySerial = unit.replacedBySerial ?? null
  if (replacedBySerial !== null) reasons.push(reason('warranty.reason.replacedBy', { serial: replacedBySerial }))
  const refundedOn = unit.refundedOn ?? null
  if (refundedOn !== null) reasons.push(reason('warranty.reason.refunded', { refundedOn }))
  if (!claim) reasons.push(reason('warranty.reason.noClaim'))
  if (extensionDays > 0) {
    const repairs = unit.repairs.filter((r) => r.underWarranty).length
    reasons.push(reason('warranty.reason.repairExtension', { days: extensionDays, repairs }))
  }
  return reasons
}

/** The claimed component's replaced part whose repair warranty ends last, if any. */
function claimedPartWarranty(unit: UnitFacts, component: string | null): PartWarranty | null {
  if (component === null) return null
  const matching = unit.replacedParts
    .filter((p) => p.component === component)
    .map((part) => ({ part, end: daysPeriodEnd(part.replacedOn, part.warrantyDays) }))
  if (matching.length === 0) return null
  return matching.reduce((a, b) => (b.end > a.end ? b : a))
}

/** The claimed component's own period when the policy has one, else the whole unit's. */
function applicablePeriod(
  policy: WarrantyPolicy,
  claimedComponent: string | null,
  components: WarrantyEvaluation['components'],
  repairEnd: string
): ApplicablePeriod {
  const own = claimedComponent === null ? undefined : policy.components.find((c) => c.component === claimedComponent)
  const entry = own ? components.find((c) => c.component === own.component) : undefined
  if (!own || !entry) return { end: repairEnd, component: null }
  return {
    end: entry.end,
    component: { component: own.component, months: own.months, end: entry.end, daysLeft: entry.daysLeft }
  }
}

/**
 * Judge a unit against its policy for a fault claim on `today`.
 *
 * The rules (rules.ts, WARRANTY_RULES) are tried in their order of precedence and the first that
 * decides gives the verdict; the reasons list every step that mattered, starting with the
 * warranty start:
 * 0. a unit replaced by an exchange (`replacedBySerial`) → 'not_covered': its warranty passed to
 *    the new unit; a unit refunded (`refundedOn`) → 'not_covered': its 三包 is fulfilled (reason
 *    right after the start reason);
 * 1. a unit-scope void → 'paid_repair' (不实行三包，可以收费修理); a component-scope void on the
 *    claimed component → 'paid_repair' (voids on other components do not affect the claim). Exception: when the
 *    claimed component has a part repair warranty running today (rule 7), a void recorded
 *    (`recordedOn`) before that part's replacedOn does not void the claim; voids without a date
 *    or recorded on/after replacedOn still do. A performance claim saved that way is judged on
 *    the part's repair warranty alone → 'free_repair';
 * 2. a cosmetic fault is no listed performance fault: no 三包 remedy at all nor a part's repair
 *    warranty → 'not_covered', even within the 7 days (a reason says so within the windows);
 *    2b. no invoice and the policy grants nothing then → 'paid_repair', no warranty end;
 * 3. no start (no invoice, no production date, or an exchanged unit continuing an unrecorded
 *    start) → 'unknown_start', unless a replaced part's repair warranty covers the claim;
 *    3a. no invoice, before the production-date fallback start → 'paid_repair';
 *    3b. no invoice and the policy grants repair only → only the repair periods are judged;
 * 4. performance fault within the refund window → 'refund'; within the exchange window →
 *    'exchange';
 * 4c. a unit waiting in a warranty repair (no parts from the maker, or the repairer's own delay)
 *    past its regulation's limit from the day it was brought in → 'exchange', for the 1995 goods
 *    'exchange_or_refund' (waiting.ts); before
 *    the limit a reason gives the day it is reached. This limit is judged on today even when the
 *    claim gives an earlier fault date;
 * 5. second-repair rule: two completed warranty repairs that repaired the unit (not
 *    `repaired: false`) with the claim's (non-null) fault code and today within the whole unit's
 *    (extended) period → 'exchange' for phones and computers, 'exchange_or_refund' for the 1995
 *    goods; 5a. a main component repaired twice, after the unit period but within its own →
 *    'free_new_component';
 * 6. within the applicable repair period → 'free_repair'. The applicable period is the claimed
 *    component's own period when the policy has one (longer or shorter than the unit's),
 *    otherwise the whole unit's;
 * 7. a part replaced in a paid repair, matching the claimed component and still within its
 *    repair warranty (replacedOn through replacedOn + warrantyDays) → 'free_repair', even when
 *    the unit itself is out of warranty;
 * 8. otherwise → 'paid_repair', with the end date and the days since.
 *
 * Period ends follow 民法典 第201、202条 (see daysPeriodEnd / monthsPeriodEnd): the start day is
 * not counted, so 7 days from 2026-01-01 end 2026-01-08 and 12 months from 2026-01-15 end
 * 2027-01-15; the end day itself is still inside the period.
 *
 * The refund and exchange windows run from the start and are NOT extended by repair time: the
 * regulations deduct repair time from the 三包有效期 (the repair period), and the 7/15-day
 * windows are about the sale itself. Repair and component periods are extended by
 * `extensionDays` (see warrantyRepairDays).
 *
 * A claim's `faultDate` moves the day the periods are judged on (refund, exchange, repair and
 * part periods) from today to that day; the reasons then say so first.
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
  const effectiveClaim: FaultClaim = claim ?? { kind: 'performance', component: null, faultCode: null }
  // The periods are judged on the day the fault appeared; the waiting limit on today.
  const waitingToday = today
  today = claim?.faultDate ?? today
  const startResult = warrantyStart(policy, unit)
  const start = startResult.start
  const extensionDays = warrantyRepairDays(unit.repairs, start, today)
  const reasons = openingReasons(startResult, unit, claim, extensionDays, waitingToday)

  const unitVoids = unit.voids.filter((v) => v.scope === 'unit')
  const componentVoids = (component: string) =>
    unit.voids.filter((v) => v.scope === 'component' && v.component === component)

  const periods: Periods | null = start
    ? {
        start,
        refundEnd: daysPeriodEnd(start, policy.refundDays),
        exchangeEnd: daysPeriodEnd(start, policy.exchangeDays),
        repairEnd: addDays(monthsPeriodEnd(start, policy.repairMonths), extensionDays)
      }
    : null

  const components = start
    ? policy.components.map((c) => {
        const end = addDays(monthsPeriodEnd(start, c.months), extensionDays)
        return {
          component: c.component,
          end,
          daysLeft: daysBetween(today, end),
          voided: unitVoids.length > 0 || componentVoids(c.component).length > 0
        }
      })
    : []

  const partWarranties = unit.replacedParts.map((p) => {
    const end = daysPeriodEnd(p.replacedOn, p.warrantyDays)
    return { component: p.component, end, daysLeft: daysBetween(today, end) }
  })

  const claimedComponent = effectiveClaim.component
  const partWarranty = claimedPartWarranty(unit, claimedComponent)
  const decision = decide({
    policy,
    unit,
    claim: effectiveClaim,
    today,
    periods,
    applicablePeriod: periods && applicablePeriod(policy, claimedComponent, components, periods.repairEnd),
    claimVoids: [...unitVoids, ...(claimedComponent === null ? [] : componentVoids(claimedComponent))],
    partWarranty,
    partCovers: partWarranty !== null && today >= partWarranty.part.replacedOn && today <= partWarranty.end,
    repeatedFaults: repeatedFaults(unit.repairs),
    reasons,
    waitingToday,
    startBasis: startResult.basis,
    repairOnly: startResult.basis === 'production_fallback' && policy.noInvoiceGrants === 'repair_only'
  })
  const waiting = unit.waiting ?? null

  return {
    verdict: decision.verdict,
    reasons,
    start,
    startBasis: startResult.basis,
    refundEnd: periods?.refundEnd ?? null,
    exchangeEnd: periods?.exchangeEnd ?? null,
    repairEnd: periods?.repairEnd ?? null,
    extensionDays,
    daysLeft: periods ? daysBetween(today, periods.repairEnd) : null,
    components,
    partWarranties,
    secondRepairRule: decision.secondRepairRule ?? false,
    judgedOn: today,
    waiting: waiting && {
      cause: waiting.cause,
      since: waiting.since,
      broughtIn: waiting.broughtIn,
      limitDays: waiting.limit?.days ?? null,
      article: waiting.limit?.article ?? null,
      entitledOn: waitingEntitledOn(waiting)
    },
    remedyRule: remedyRuleOf(decision)
  }
}

/** Which rule allowed a refund or exchange verdict. */
function remedyRuleOf(decision: Decision): RemedyRule | null {
  if (!exchangeDue(decision.verdict)) return null
  if (decision.waitingRule) return 'waiting_limit'
  if (decision.secondRepairRule) return 'second_repair'
  return decision.verdict === 'refund' ? 'refund_window' : 'exchange_window'
}

/** The first rule, in order of precedence, that decides the case. */
function decide(c: WarrantyCase): Decision {
  for (const rule of WARRANTY_RULES) {
    const decision = rule(c)
    if (decision) return decision
  }
  // Unreachable: the last rule (out of warranty) always decides.
  throw new Error('no warranty rule decided')
}
