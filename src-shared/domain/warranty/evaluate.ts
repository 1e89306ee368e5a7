/**
 * The warranty verdict for one unit and one fault claim, with the reasons that led to it.
 *
 * Pure: no I/O, no clock (the caller passes `today`), calendar dates are 'YYYY-MM-DD' strings.
 * Every verdict comes with ordered, parameterised reasons (`warranty.reason.*` keys listed in
 * REASON_KEYS) so the front desk can explain the answer with the dates it was computed from.
 */
import { daysBetween } from '../workOrderAge'
import { WARRANTY_RULES } from './rules'
import {
  applicablePeriod,
  claimedPartWarranty,
  repeatedFaults,
  type Decision,
  type Periods,
  type WarrantyCase
} from './case'
import { exchangeDue } from './exchange'
import type { FaultClaim, UnitFacts } from './facts'
import { addDays, daysPeriodEnd, monthsPeriodEnd, type WarrantyPolicy } from './policy'
import { reason, type Reason } from './reasons'
import { warrantyRepairDays, warrantyStart, type StartResult } from './start'
import type { RemedyRule, WarrantyEvaluation } from './verdict'
import { waitingEntitledOn } from './waiting'

export { REASON_KEYS, type Reason, type ReasonKey } from './reasons'

/**
 * What every explanation starts with, whatever the verdict: where the warranty starts, whether
 * the unit was replaced, the accessories exchanged or refunded at the counter, that no claim was
 * given, and the days added for repairs under warranty.
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
  // The accessories already remedied at the counter, each with its slip: the desk hears them on
  // every lookup, whatever the fault brought in now.
  for (const given of unit.accessoryRemedies ?? [])
    reasons.push(
      reason('warranty.reason.accessoryRemedyGiven', {
        component: given.component,
        kind: given.kind,
        givenOn: given.givenOn,
        number: given.number
      })
    )
  if (!claim) reasons.push(reason('warranty.reason.noClaim'))
  if (extensionDays > 0) {
    const repairs = unit.repairs.filter((r) => r.underWarranty).length
    reasons.push(reason('warranty.reason.repairExtension', { days: extensionDays, repairs }))
  }
  return reasons
}

/**
 * The day the 7-day refund and 15-day exchange windows count from. The regulations count them
 * 自售出之日起, from the sale (《部分商品…》第九、十条, 《移动电话机…》第十一、十二条, 《微型计算机…》
 * 第十一、十二条), while an exchange restarts only the 三包有效期 (the repair periods): a unit
 * received in an exchange keeps the windows of the original sale, so an exchange on day 14 opens
 * no new refund window and no endless chain of exchanges. Its sale is the first unit's start
 * (originalStartDate), else its own invoice date (the exchange copies the original invoice);
 * null when neither is recorded: no window.
 */
function windowsStart(unit: UnitFacts, start: string): string | null {
  if (!unit.exchangedOn) return start
  return unit.originalStartDate ?? unit.invoiceDate
}

/** An exchanged unit: its windows are the original sale's, not the exchange's. */
function windowsFromSaleReason(periods: Periods): Reason {
  if (periods.windowsFrom === null) return reason('warranty.reason.exchangeSaleUnknown')
  return reason('warranty.reason.exchangeWindowsFromSale', {
    saleDate: periods.windowsFrom,
    refundEnd: periods.refundEnd ?? '',
    exchangeEnd: periods.exchangeEnd ?? ''
  })
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
 *    3c. a phone accessory (附件) within its own period → 'accessory_exchange' (a new one, free),
 *    or 'accessory_refund' once it was exchanged twice under 三包, or 'not_covered' once it was
 *    refunded (its 三包 fulfilled); the phone's 7- and 15-day windows and its second-repair
 *    exchange are the main unit's, never an accessory's, and an accessory's remedy leaves them as
 *    they were (a phone refunded after an accessory's refund is not paid that accessory twice);
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
 *    goods; for a phone only its main unit's repairs and claims count (an accessory, 附件, is
 *    replaced on its own: no new phone for a battery); 5a. a main component repaired twice, after the unit period but within its own →
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
 * The refund and exchange windows run from the sale (the start, or for an exchanged unit the
 * original sale: windowsStart) and are NOT extended by repair time: the regulations deduct repair
 * time from the 三包有效期 (the repair period), and the 7/15-day windows are about the sale itself. Repair and component periods are extended by
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

  const windowsFrom = start && windowsStart(unit, start)
  const periods: Periods | null = start
    ? {
        start,
        windowsFrom,
        refundEnd: windowsFrom && daysPeriodEnd(windowsFrom, policy.refundDays),
        exchangeEnd: windowsFrom && daysPeriodEnd(windowsFrom, policy.exchangeDays),
        repairEnd: addDays(monthsPeriodEnd(start, policy.repairMonths), extensionDays)
      }
    : null
  if (periods && periods.windowsFrom !== periods.start) reasons.push(windowsFromSaleReason(periods))

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
    coveredBy: coverOf(decision),
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

/** Whose warranty gives a remedy: the shop's own on a part it replaced, else the brand's 三包. */
function coverOf(decision: Decision): WarrantyEvaluation['coveredBy'] {
  if (decision.shopWarranty) return 'shop'
  return ['paid_repair', 'not_covered', 'unknown_start'].includes(decision.verdict) ? null : 'brand'
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
