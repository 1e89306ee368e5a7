/**
 * The rules of the warranty start and the repair periods: no start, no invoice, the repair
 * period, a replaced part's repair warranty, and out of warranty (rules 2b, 3, 3a, 3b, 6, 7, 8).
 */
import { daysBetween } from '../workOrderAge'
import { coveredByPart, type WarrantyRule } from './case'
import { reason } from './reasons'

/**
 * 3. No warranty start (no invoice, no production date, or an exchanged unit continuing an
 * unrecorded start): the periods cannot be judged, unless a replaced part's repair warranty
 * covers the claim on its own.
 */
export const unknownStart: WarrantyRule = (c) => {
  if (c.periods) return null
  if (c.partCovers && c.partWarranty) {
    return coveredByPart(c, c.partWarranty)
  }
  return { verdict: 'unknown_start' }
}

/**
 * 6. Within the applicable repair period (the claimed component's own when the policy has one,
 * longer or shorter than the unit's; else the whole unit's, extended by repair time) → free
 * repair. Past it, a reason says when it ended.
 */
export const repairPeriod: WarrantyRule = (c) => {
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
export const partRepairWarranty: WarrantyRule = (c) => {
  if (!c.partWarranty) return null
  if (c.partCovers) {
    return coveredByPart(c, c.partWarranty)
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
export const outOfWarranty: WarrantyRule = () => ({ verdict: 'paid_repair' })

/**
 * 2b. No invoice or card, and the policy grants nothing then (the legal minimum of the 1995 goods,
 * 《部分商品修理更换退货责任规定》第十八条(三), and of computers, 《微型计算机…》第九条): no 三包, a
 * paid repair with no warranty end (the start reason says so); a replaced part's own repair
 * warranty still covers its part.
 */
export const noInvoiceNoWarranty: WarrantyRule = (c) => {
  if (c.startBasis !== 'no_invoice') return null
  if (c.partCovers && c.partWarranty) {
    return coveredByPart(c, c.partWarranty)
  }
  return { verdict: 'paid_repair' }
}

/**
 * 3a. No invoice: the period starts on the production date + the fallback days (the phone rules:
 * 出厂日期后第90日为三包有效期的起始日期); a fault before that day has nothing (a paid repair),
 * unless a replaced part's repair warranty covers it.
 */
export const beforeFallbackStart: WarrantyRule = (c) => {
  if (c.startBasis !== 'production_fallback' || !c.periods || c.today >= c.periods.start) return null
  c.reasons.push(reason('warranty.reason.fallbackNotStarted', { start: c.periods.start }))
  return partRepairWarranty(c) ?? outOfWarranty(c)
}

/**
 * 3b. No invoice and the policy grants repair only (the phone rules' legal minimum: 负责免费修理,
 * never refund or exchange, the second-repair exchange included): only the repair periods and a
 * replaced part's repair warranty are judged.
 */
export const repairOnlyWithoutInvoice: WarrantyRule = (c) => {
  if (!c.repairOnly) return null
  c.reasons.push(reason('warranty.reason.noInvoiceRepairOnly'))
  return repairPeriod(c) ?? partRepairWarranty(c) ?? outOfWarranty(c)
}
