import type { ServiceType } from './repairTypes'

export interface QuoteAmounts {
  labourFen: number
  partsFen: number
  discountFen: number
}

export type CustomerDecision = 'pending' | 'approved' | 'refused'
export type ManagerApproval = 'not_required' | 'pending' | 'approved' | 'rejected'

export interface QuoteState {
  customerDecision: CustomerDecision
  managerApproval: ManagerApproval
}

export function quoteTotalFen(quote: QuoteAmounts): number {
  return Math.max(0, quote.labourFen + quote.partsFen - quote.discountFen)
}

/** A quote whose total, or whose discount, is above the shop's threshold needs a manager too. */
export function needsManagerApproval(quote: QuoteAmounts, thresholdFen: number): boolean {
  return quoteTotalFen(quote) > thresholdFen || quote.discountFen > thresholdFen
}

/**
 * Whether bench work (parts or repair) may start. A paid repair waits for a quote the customer
 * accepted and, where needed, a manager approved; other jobs are not quoted.
 */
export function workMayProceed(serviceType: ServiceType, quote: QuoteState | null): boolean {
  if (serviceType !== 'paid_repair') return true
  if (!quote) return false
  return (
    quote.customerDecision === 'approved' &&
    (quote.managerApproval === 'not_required' || quote.managerApproval === 'approved')
  )
}

/** Whose word a job in "awaiting approval" waits for, or what answer it has (see quoteWaitOf). */
export type QuoteWait = 'customer' | 'manager' | 'go_ahead' | 'customer_refused' | 'manager_rejected'

/**
 * What a job in "awaiting approval" (shown as 报价阶段) is actually waiting for, from its current
 * quote: the status alone cannot say whose move it is once the customer said yes (a manager's
 * approval above the limit still due, or only the technician's start). null for any other status,
 * or when there is no quote.
 */
export function quoteWaitOf(status: string, quote: QuoteState | null): QuoteWait | null {
  if (status !== 'awaiting_approval' || !quote) return null
  if (quote.customerDecision === 'refused') return 'customer_refused'
  if (quote.managerApproval === 'rejected') return 'manager_rejected'
  if (quote.customerDecision === 'pending') return 'customer'
  return quote.managerApproval === 'pending' ? 'manager' : 'go_ahead'
}
