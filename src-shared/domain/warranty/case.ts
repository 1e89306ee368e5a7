/**
 * The case the warranty rules read (WarrantyCase), worked out once per evaluation, and what the
 * rules share to read it: the claimed part's repair warranty, voids set aside for it.
 */
import { daysBetween } from '../workOrderAge'
import { daysPeriodEnd, type WarrantyPolicy } from './policy'
import type { FaultClaim, RepairRecord, UnitFacts, VoidCondition } from './facts'
import { reason, type Reason } from './reasons'
import type { Verdict, WarrantyEvaluation } from './verdict'

/** A part replaced in a paid repair and the last day of its repair warranty. */
export interface PartWarranty {
  part: UnitFacts['replacedParts'][number]
  end: string
}

/** The dates of the 三包 periods; known once the warranty start is. */
export interface Periods {
  start: string
  /**
   * The day the refund and exchange windows count from: the sale (自售出之日起), which is the
   * start except for an exchanged unit (see windowsStart); null: that sale is not recorded.
   */
  windowsFrom: string | null
  /** null with windowsFrom */
  refundEnd: string | null
  /** null with windowsFrom */
  exchangeEnd: string | null
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
  /** a free repair the shop's own repair warranty on a part it replaced gives, not the brand's 三包 */
  shopWarranty?: boolean
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

/** A free repair of the claimed part under the shop's own repair warranty on it, with the reason why. */
export function coveredByPart(c: WarrantyCase, w: PartWarranty): Decision {
  c.reasons.push(partReason(c, w))
  return { verdict: 'free_repair', shopWarranty: true }
}

/** The claimed part's repair warranty, when it runs today. */
export function runningPart(c: WarrantyCase): PartWarranty | null {
  return c.partCovers ? c.partWarranty : null
}

/**
 * While the claimed part's repair warranty runs, a void recorded before the part was replaced
 * does not apply to the claim: the shop's own warranty on its own part wins. Voids without a
 * date, or recorded on or after the replacement, still apply.
 */
export function setAsideForPart(c: WarrantyCase, v: VoidCondition): boolean {
  const part = runningPart(c)
  return part !== null && v.recordedOn !== undefined && v.recordedOn < part.part.replacedOn
}

/**
 * The fault codes repaired at least twice under warranty (completed repairs that actually
 * repaired the unit: `repaired: false` records do not count), with their repairs.
 */
export function repeatedFaults(repairs: RepairRecord[]): Map<string, RepairRecord[]> {
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

/** The claimed component's replaced part whose repair warranty ends last, if any. */
export function claimedPartWarranty(unit: UnitFacts, component: string | null): PartWarranty | null {
  if (component === null) return null
  const matching = unit.replacedParts
    .filter((p) => p.component === component)
    .map((part) => ({ part, end: daysPeriodEnd(part.replacedOn, part.warrantyDays) }))
  if (matching.length === 0) return null
  return matching.reduce((a, b) => (b.end > a.end ? b : a))
}

/** The claimed component's own period when the policy has one, else the whole unit's. */
export function applicablePeriod(
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
