/** The days a claimed fault date is weighed against (shop calendar dates, YYYY-MM-DD). */
export interface FaultDateBounds {
  today: string
  /** When the unit was bought, if known. */
  purchaseDate: string | null
  /** When the unit was received in an exchange, if it was. */
  exchangedOn: string | null
}

export type FaultDateProblem =
  | { messageKey: 'errors.faultDateInFuture' | 'errors.faultDateBeforePurchase'; params: { purchaseDate: string } }
  | { messageKey: 'errors.faultDateBeforeExchange'; params: { exchangedOn: string } }

/**
 * Why a fault cannot have appeared on `faultDate`, or null: not in the future, nor before the unit
 * was bought, nor, for a unit received in an exchange, before the exchange (the customer did not
 * have it yet; judged on such a day it would be offered the sale's refund window). The params
 * name the date the message cites.
 */
export function faultDateProblem(faultDate: string, bounds: FaultDateBounds): FaultDateProblem | null {
  const purchaseDate = bounds.purchaseDate ?? ''
  if (faultDate > bounds.today) return { messageKey: 'errors.faultDateInFuture', params: { purchaseDate } }
  if (bounds.purchaseDate !== null && faultDate < bounds.purchaseDate)
    return { messageKey: 'errors.faultDateBeforePurchase', params: { purchaseDate } }
  if (bounds.exchangedOn !== null && faultDate < bounds.exchangedOn)
    return { messageKey: 'errors.faultDateBeforeExchange', params: { exchangedOn: bounds.exchangedOn } }
  return null
}
