/**
 * The warranty rules, one function each, in their order of precedence (WARRANTY_RULES): the
 * first rule that returns a decision gives the verdict. A rule that does not decide may still add
 * a reason the front desk should hear (a period that has ended, a fault repaired twice before),
 * so the explanation lists every step that mattered.
 */
import { daysBetween } from '../workOrderAge'
import { hasMainComponents, type WarrantyPolicy } from './policy'
import type { FaultClaim, RepairRecord, UnitFacts, Verdict, VoidCondition, WarrantyEvaluation } from './evaluate'
import { reason, type Reason } from './reasons'
import { waitingEntitledOn } from './waiting'

/** A part replaced in a paid repair and the last day of its repair warranty. */
export interface PartWarranty {
  part: UnitFacts['replacedParts'][number]
  end: string
}

/** The dates of the 三包 periods; all known once the warranty start is. */
export interface Periods {
  start: string
  refundEnd: string
  exchangeEnd: string
  repairEnd: string
}

/** The repair period that applies to the claim: the claimed component's own, else the unit's. */
export interface ApplicablePeriod {
  end: string
  /** set when the claimed component has its own period in the policy */
  component: { component: string; months: number; end: string; daysLeft: number } | null
}

/** Everything the rules read, worked out once from the policy, the unit, the claim and today. */
export interface WarrantyCase {
  policy: WarrantyPolicy
  unit: UnitFacts
  /** the claim, or a performance fault of the whole unit when none was given */
  claim: FaultClaim
  today: string
  /** null while the warranty start is unknown */
  periods: Periods | null
  /** null while the warranty start is unknown */
  applicablePeriod: ApplicablePeriod | null
  /** the voids recorded against the whole unit or the claimed component */
  claimVoids: VoidCondition[]
  /** the claimed component's replaced part with the latest repair warranty end, if any */
  partWarranty: PartWarranty | null
  /** that part's repair warranty runs today */
  partCovers: boolean
  /** fault codes repaired at least twice under warranty, with those repairs */
  repeatedFaults: Map<string, RepairRecord[]>
  /** the explanation so far; rules add to it */
  reasons: Reason[]
  /**
   * The real today: a waiting limit is reached with time, whatever day the fault appeared
   * (`today` above is the fault date when the claim gives one). Absent: `today`.
   */
  waitingToday?: string
  /** where the warranty start came from ('no_invoice': none, the policy grants nothing without one) */
  startBasis?: WarrantyEvaluation['startBasis']
  /** no invoice or card, and the policy grants free repair only (the phone rules' legal minimum) */
  repairOnly?: boolean
}

export interface Decision {
  verdict: Verdict
  /** decided by the second-repair rule */
  secondRepairRule?: boolean
  /** decided by the waiting limit (waitingTooLong) */
  waitingRule?: boolean
}

export type WarrantyRule = (c: WarrantyCase) => Decision | null

function partReason(c: WarrantyCase, w: PartWarranty): Reason {
  return reason('warranty.reason.partRepairWarranty', {
    component: w.part.component,
    replacedOn: w.part.replacedOn,
    warrantyDays: w.part.warrantyDays,
    end: w.end,
    daysLeft: daysBetween(c.today, w.end)
  })
}

/** The claimed part's repair warranty, when it runs today. */
function runningPart(c: WarrantyCase): PartWarranty | null {
  return c.partCovers ? c.partWarranty : null
}

/**
 * While the claimed part's repair warranty runs, a void recorded before the part was replaced
 * does not apply to the claim: the shop's own warranty on its own part wins. Voids without a
 * date, or recorded on or after the replacement, still apply.
 */
function setAsideForPart(c: WarrantyCase, v: VoidCondition): boolean {
  const part = runningPart(c)
  return part !== null && v.recordedOn !== undefined && v.recordedOn < part.part.replacedOn
}

/** 0. A unit given back: replaced by an exchange (its warranty went on) or refunded (三包 fulfilled). */
const givenBack: WarrantyRule = (c) =>
  (c.unit.replacedBySerial ?? c.unit.refundedOn ?? null) !== null ? { verdict: 'not_covered' } : null

/**
 * 1. A void of the whole unit, or of the claimed component (voids on other components do not
 * matter), unless set aside for a replaced part (see setAsideForPart): 不实行三包，可以收费修理,
 * a paid repair, not a refusal (《部分商品修理更换退货责任规定》第十八条, its wording checked, its
 * number not: docs/sanbao-sources.md; 《移动电话机…》 and 《微型计算机…》 list the same cases:
 * damage by misuse, liquid or force, opened by a repairer not bound by 三包, a serial or card
 * altered or not matching).
 */
const voided: WarrantyRule = (c) => {
  const applying = c.claimVoids.find((v) => !setAsideForPart(c, v))
  if (!applying) return null
  c.reasons.push(
    applying.scope === 'unit'
      ? reason('warranty.reason.voidUnit', { reason: applying.reason })
      : reason('warranty.reason.voidComponent', { component: applying.component ?? '', reason: applying.reason })
  )
  return { verdict: 'paid_repair' }
}

/**
 * 2. A cosmetic fault is not a performance fault of the regulations' fault tables (the 7-day,
 * 15-day and repair rules all speak of 性能故障: 《部分商品…》第九、十条, 《移动电话机…》第十一、
 * 十二条, 《微型计算机…》第十一、十二条): no 三包 remedy at all, not even within the 7 days, nor
 * a part's repair warranty: not covered. Within the exchange window a reason says so openly.
 */
const appearanceDamage: WarrantyRule = (c) => {
  if (c.claim.kind !== 'appearance') return null
  const exchangeEnd = c.periods?.exchangeEnd
  if (exchangeEnd && c.today <= exchangeEnd) {
    c.reasons.push(reason('warranty.reason.appearanceNoRefundExchange', { exchangeEnd }))
  }
  c.reasons.push(reason('warranty.reason.appearanceNotCovered'))
  return { verdict: 'not_covered' }
}

/**
 * 2a. Voids set aside for the part (rule 1): only the part's repair warranty covers the claim,
 * so it is a free repair of that part whatever the unit's own periods say.
 */
const voidsSetAsideForPart: WarrantyRule = (c) => {
  const part = runningPart(c)
  if (part === null || c.claimVoids.length === 0) return null
  for (const v of c.claimVoids) {
    c.reasons.push(
      reason('warranty.reason.voidBeforePartReplaced', {
        component: part.part.component,
        reason: v.reason,
        recordedOn: v.recordedOn ?? '', // always set: only dated voids are set aside
        replacedOn: part.part.replacedOn
      })
    )
  }
  c.reasons.push(partReason(c, part))
  return { verdict: 'free_repair' }
}

/**
 * 3. No warranty start (no invoice, no production date, or an exchanged unit continuing an
 * unrecorded start): the periods cannot be judged, unless a replaced part's repair warranty
 * covers the claim on its own.
 */
const unknownStart: WarrantyRule = (c) => {
  if (c.periods) return null
  if (c.partCovers && c.partWarranty) {
    c.reasons.push(partReason(c, c.partWarranty))
    return { verdict: 'free_repair' }
  }
  return { verdict: 'unknown_start' }
}

/** 4a. A performance fault within the refund window (from the start, not extended by repairs). */
const refundWindow: WarrantyRule = (c) => {
  if (!c.periods || c.today > c.periods.refundEnd) return null
  const { start, refundEnd } = c.periods
  c.reasons.push(
    reason('warranty.reason.refundWindow', {
      start,
      refundDays: c.policy.refundDays,
      refundEnd,
      daysLeft: daysBetween(c.today, refundEnd)
    })
  )
  return { verdict: 'refund' }
}

/** 4b. A performance fault within the exchange window (from the start, not extended by repairs). */
const exchangeWindow: WarrantyRule = (c) => {
  if (!c.periods || c.today > c.periods.exchangeEnd) return null
  const { start, exchangeEnd } = c.periods
  c.reasons.push(
    reason('warranty.reason.exchangeWindow', {
      start,
      exchangeDays: c.policy.exchangeDays,
      exchangeEnd,
      daysLeft: daysBetween(c.today, exchangeEnd)
    })
  )
  return { verdict: 'exchange' }
}

/**
 * 4c. Waiting too long in a warranty repair (see waiting.ts for the limits and their articles:
 * 1995 art. 12, 2001 art. 16 and 17, 2002 art. 23). From the first day past the limit, counted
 * from the day the unit was brought in, the customer is entitled to an exchange (the 1995 goods:
 * or a refund instead, 《部分商品…》第十三条: 符合换货条件的…要求退货的，销售者应当予以退货); before it, a
 * reason says on which day. A cause the unit's regulation gives no exchange for (missing parts
 * for a computer, 2002 art. 8) is mentioned: its days only extend the period.
 */
const waitingTooLong: WarrantyRule = (c) => {
  const waiting = c.unit.waiting
  if (!waiting) return null
  const today = c.waitingToday ?? c.today
  const entitledOn = waitingEntitledOn(waiting)
  const { cause, since, broughtIn } = waiting
  if (!waiting.limit || entitledOn === null) {
    c.reasons.push(reason('warranty.reason.waitingNoLimit', { cause, since, broughtIn }))
    return null
  }
  const params = { cause, since, broughtIn, limitDays: waiting.limit.days, article: waiting.limit.article, entitledOn }
  if (today >= entitledOn) {
    c.reasons.push(reason('warranty.reason.waitingLimitReached', params))
    if (c.policy.regulation !== 'appliances_1995') return { verdict: 'exchange', waitingRule: true }
    c.reasons.push(reason('warranty.reason.refundInsteadOfExchange'))
    return { verdict: 'exchange_or_refund', waitingRule: true }
  }
  c.reasons.push(reason('warranty.reason.waitingLimitAhead', { ...params, daysToGo: daysBetween(today, entitledOn) }))
  return null
}

/**
 * 5. Second-repair rule: repaired twice under warranty for the claim's fault code and failing
 * again within the whole unit's repair period (extended by repair time; and within the claimed
 * component's own period when that is shorter) → the remedy depends on
 * the goods: a phone or a computer is exchanged (《移动电话机商品修理更换退货责任规定》第十三条;
 * 《微型计算机商品修理更换退货责任规定》第十三条), the 1995 goods are exchanged or refunded at the
 * customer's choice (《部分商品修理更换退货责任规定》第十一条, 第十三条). A main component past the
 * unit's period is rule 5a's. Otherwise other faults repaired twice are mentioned: one more
 * failure would make it due.
 */
const secondRepair: WarrantyRule = (c) => {
  if (!c.applicablePeriod || !c.periods) return null
  const claimCode = c.claim.faultCode
  const repeated = claimCode === null ? undefined : c.repeatedFaults.get(claimCode)
  // Within the unit's period, and within the claimed component's when it has a shorter one (a
  // phone's battery): a longer component period is rule 5a's.
  const periodEnd = c.applicablePeriod.end < c.periods.repairEnd ? c.applicablePeriod.end : c.periods.repairEnd
  if (repeated && claimCode !== null && c.today <= periodEnd) {
    const orRefund = c.policy.regulation === 'appliances_1995'
    c.reasons.push(
      reason(orRefund ? 'warranty.reason.secondRepairExchangeOrRefund' : 'warranty.reason.secondRepairRule', {
        faultCode: claimCode,
        repairs: repeated.length,
        lastReturnedDate: latest(repeated.map((r) => r.returnedDate ?? r.receivedDate)),
        periodEnd
      })
    )
    return { verdict: orRefund ? 'exchange_or_refund' : 'exchange', secondRepairRule: true }
  }
  for (const [code, list] of c.repeatedFaults) {
    if (code !== claimCode)
      c.reasons.push(reason('warranty.reason.repeatFaultHistory', { faultCode: code, repairs: list.length }))
  }
  return null
}

/**
 * 6. Within the applicable repair period (the claimed component's own when the policy has one,
 * longer or shorter than the unit's; else the whole unit's, extended by repair time) → free
 * repair. Past it, a reason says when it ended.
 */
const repairPeriod: WarrantyRule = (c) => {
  if (!c.periods || !c.applicablePeriod) return null
  const { start, repairEnd } = c.periods
  const component = c.applicablePeriod.component
  if (c.today <= c.applicablePeriod.end) {
    c.reasons.push(
      component
        ? reason('warranty.reason.componentPeriod', {
            component: component.component,
            months: component.months,
            end: component.end,
            daysLeft: component.daysLeft
          })
        : reason('warranty.reason.repairPeriod', {
            start,
            repairMonths: c.policy.repairMonths,
            repairEnd,
            daysLeft: daysBetween(c.today, repairEnd)
          })
    )
    return { verdict: 'free_repair' }
  }
  c.reasons.push(
    component
      ? reason('warranty.reason.componentPeriodEnded', {
          component: component.component,
          end: component.end,
          daysSince: -component.daysLeft
        })
      : reason('warranty.reason.repairPeriodEnded', { repairEnd, daysSince: daysBetween(repairEnd, c.today) })
  )
  return null
}

/**
 * 7. A part replaced in a paid repair, the claimed component, still within its repair warranty
 * (replacedOn through replacedOn + warrantyDays) → free repair, even when the unit itself is out
 * of warranty. A part whose repair warranty has ended is mentioned.
 */
const partRepairWarranty: WarrantyRule = (c) => {
  if (!c.partWarranty) return null
  if (c.partCovers) {
    c.reasons.push(partReason(c, c.partWarranty))
    return { verdict: 'free_repair' }
  }
  c.reasons.push(
    reason('warranty.reason.partRepairWarrantyEnded', {
      component: c.partWarranty.part.component,
      end: c.partWarranty.end,
      daysSince: daysBetween(c.partWarranty.end, c.today)
    })
  )
  return null
}

/** 8. Nothing covers it: a paid repair (the reasons already say which period ended when). */
const outOfWarranty: WarrantyRule = () => ({ verdict: 'paid_repair' })

/**
 * 2b. No invoice or card, and the policy grants nothing then (the legal minimum of the 1995 goods,
 * 《部分商品修理更换退货责任规定》第十八条(三), and of computers, 《微型计算机…》第九条): no 三包, a
 * paid repair with no warranty end (the start reason says so); a replaced part's own repair
 * warranty still covers its part.
 */
const noInvoiceNoWarranty: WarrantyRule = (c) => {
  if (c.startBasis !== 'no_invoice') return null
  if (c.partCovers && c.partWarranty) {
    c.reasons.push(partReason(c, c.partWarranty))
    return { verdict: 'free_repair' }
  }
  return { verdict: 'paid_repair' }
}

/**
 * 3a. No invoice: the period starts on the production date + the fallback days (the phone rules:
 * 出厂日期后第90日为三包有效期的起始日期); a fault before that day has nothing (a paid repair),
 * unless a replaced part's repair warranty covers it.
 */
const beforeFallbackStart: WarrantyRule = (c) => {
  if (c.startBasis !== 'production_fallback' || !c.periods || c.today >= c.periods.start) return null
  c.reasons.push(reason('warranty.reason.fallbackNotStarted', { start: c.periods.start }))
  return partRepairWarranty(c) ?? outOfWarranty(c)
}

/**
 * 3b. No invoice and the policy grants repair only (the phone rules' legal minimum: 负责免费修理,
 * never refund or exchange, the second-repair exchange included): only the repair periods and a
 * replaced part's repair warranty are judged.
 */
const repairOnlyWithoutInvoice: WarrantyRule = (c) => {
  if (!c.repairOnly) return null
  c.reasons.push(reason('warranty.reason.noInvoiceRepairOnly'))
  return repairPeriod(c) ?? partRepairWarranty(c) ?? outOfWarranty(c)
}

/**
 * 5a. A main component (主要部件) repaired twice under warranty fails again when the whole unit's
 * period is over but the component's is not → a new component, free, not a whole-unit exchange
 * (《微型计算机商品修理更换退货责任规定》第十条: 免费更换新的主要部件; the 1995 goods' annex gives
 * their main components the longer period, 《部分商品修理更换退货责任规定》第十一条 read with it).
 * A phone's components are accessories (附件), not main components.
 */
const mainComponentRepairedTwice: WarrantyRule = (c) => {
  const component = c.applicablePeriod?.component
  if (!c.periods || !component || !hasMainComponents(c.policy)) return null
  if (c.today <= c.periods.repairEnd || c.today > component.end) return null
  const repairs = c.unit.repairs.filter(
    (r) => r.underWarranty && r.repaired !== false && r.returnedDate !== null && r.component === component.component
  )
  if (repairs.length < 2) return null
  c.reasons.push(
    reason('warranty.reason.mainComponentNewAfterTwoRepairs', {
      component: component.component,
      repairs: repairs.length,
      lastReturnedDate: latest(repairs.map((r) => r.returnedDate ?? r.receivedDate)),
      repairEnd: c.periods.repairEnd,
      end: component.end
    })
  )
  return { verdict: 'free_new_component', secondRepairRule: true }
}

/** The rules in their order of precedence; the last one always decides. */
export const WARRANTY_RULES: readonly WarrantyRule[] = [
  givenBack,
  voided,
  appearanceDamage,
  voidsSetAsideForPart,
  noInvoiceNoWarranty,
  unknownStart,
  beforeFallbackStart,
  repairOnlyWithoutInvoice,
  refundWindow,
  exchangeWindow,
  waitingTooLong,
  secondRepair,
  mainComponentRepairedTwice,
  repairPeriod,
  partRepairWarranty,
  outOfWarranty
]

function latest(dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a))
}
