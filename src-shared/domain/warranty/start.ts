/**
 * Where the warranty starts, and the days spent in warranty repairs that extend the repair
 * periods (三包: 修理占用的时间不计入三包有效期).
 */
import { daysBetween } from '../workOrderAge'
import type { RepairRecord, UnitFacts } from './facts'
import { addDays, type WarrantyPolicy } from './policy'
import { reason, type Reason } from './reasons'
import type { WarrantyEvaluation } from './verdict'

export interface StartResult {
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
export function warrantyStart(policy: WarrantyPolicy, unit: UnitFacts): StartResult {
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
