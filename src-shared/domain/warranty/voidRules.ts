/**
 * The rules that decide before any period is judged: a unit given back, a void, a cosmetic fault,
 * voids set aside for a replaced part (rules 0 to 2a of WARRANTY_RULES).
 */
import { coveredByPart, runningPart, setAsideForPart, type WarrantyRule } from './case'
import { reason } from './reasons'

/** 0. A unit given back: replaced by an exchange (its warranty went on) or refunded (三包 fulfilled). */
export const givenBack: WarrantyRule = (c) =>
  (c.unit.replacedBySerial ?? c.unit.refundedOn ?? null) !== null ? { verdict: 'not_covered' } : null

/**
 * 1. A void of the whole unit, or of the claimed component (voids on other components do not
 * matter), unless set aside for a replaced part (see setAsideForPart): 不实行三包，可以收费修理,
 * a paid repair, not a refusal (《部分商品修理更换退货责任规定》第十八条, its wording checked, its
 * number not: docs/sanbao-sources.md; 《移动电话机…》 and 《微型计算机…》 list the same cases:
 * damage by misuse, liquid or force, opened by a repairer not bound by 三包, a serial or card
 * altered or not matching).
 */
export const voided: WarrantyRule = (c) => {
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
export const appearanceDamage: WarrantyRule = (c) => {
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
export const voidsSetAsideForPart: WarrantyRule = (c) => {
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
  return coveredByPart(c, part)
}
