/**
 * The explanation of a warranty verdict: ordered, parameterised reasons whose keys are listed
 * here, so the front desk's texts (renderer warranty messages) can cover every one of them.
 */

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
  /** { saleDate, refundEnd, exchangeEnd } — an exchanged unit keeps the original sale's refund and exchange windows */
  'warranty.reason.exchangeWindowsFromSale',
  /** {} — an exchanged unit whose original sale is not recorded: no refund or exchange window */
  'warranty.reason.exchangeSaleUnknown',
  /** { exchangedOn } — continues the earlier unit's period, but its start is not recorded */
  'warranty.reason.startExchangeOriginalUnknown',
  /** {} — neither invoice nor production date */
  'warranty.reason.startUnknown',
  /** {} — no invoice or card, and the policy grants nothing then: 不实行三包，可以收费修理 */
  'warranty.reason.startNoInvoiceNoSanbao',
  /** { start } — no invoice: the period starts on `start` (production date + fallback days), the fault came before */
  'warranty.reason.fallbackNotStarted',
  /** {} — no invoice: free repair only, never refund or exchange */
  'warranty.reason.noInvoiceRepairOnly',
  /** { faultCode, repairs, lastReturnedDate, periodEnd } — repaired twice, failing again: exchange or refund at the customer's choice */
  'warranty.reason.secondRepairExchangeOrRefund',
  /** { component, repairs, lastReturnedDate, repairEnd, end } — a main component repaired twice after the unit period: a new one, free */
  'warranty.reason.mainComponentNewAfterTwoRepairs',
  /** { serial } — this unit was replaced by an exchange; its warranty passed to the unit with that serial */
  'warranty.reason.replacedBy',
  /** { refundedOn } — this unit was taken back for a refund on that day; its 三包 is fulfilled */
  'warranty.reason.refunded',
  /** {} — the 1995 goods: a customer entitled to an exchange may ask for a refund instead (第十三条) */
  'warranty.reason.refundInsteadOfExchange',
  /** { days, repairs } — days in warranty repair added to the repair and component periods */
  'warranty.reason.repairExtension',
  /** { faultDate, today } — the periods are judged on the day the fault appeared, not today */
  'warranty.reason.faultDate',
  /** { cause, since, broughtIn, limitDays, article, entitledOn } — waited past the limit: an exchange is due */
  'warranty.reason.waitingLimitReached',
  /** { cause, since, broughtIn, limitDays, article, entitledOn, daysToGo } — the day an exchange becomes due */
  'warranty.reason.waitingLimitAhead',
  /** { cause, since, broughtIn } — this cause gives no exchange under the unit's regulation */
  'warranty.reason.waitingNoLimit',
  /** {} — no claim given: judged as a performance fault of the whole unit */
  'warranty.reason.noClaim',
  /** { reason } */
  'warranty.reason.voidUnit',
  /** { component, reason } */
  'warranty.reason.voidComponent',
  /** { component, reason, recordedOn, replacedOn } — a void recorded before the claimed part was replaced does not void the part's repair warranty */
  'warranty.reason.voidBeforePartReplaced',
  /** { start, refundDays, refundEnd, daysLeft } */
  'warranty.reason.refundWindow',
  /** { start, exchangeDays, exchangeEnd, daysLeft } */
  'warranty.reason.exchangeWindow',
  /** { exchangeEnd } — appearance damage is never refunded or exchanged */
  'warranty.reason.appearanceNoRefundExchange',
  /** {} — appearance damage is caused by the customer: not covered by 三包 or a part's repair warranty, paid repair */
  'warranty.reason.appearanceNotCovered',
  /** { faultCode, repairs, lastReturnedDate, periodEnd } — repaired twice for this fault, failing again */
  'warranty.reason.secondRepairRule',
  /** { component, faultCode, repairs } — a phone accessory repaired twice: the second-repair exchange is the main unit's (2001 art. 13) */
  'warranty.reason.accessoryNoUnitExchange',
  /** { component, months, end, daysLeft } — a phone accessory within its period: a new one of the same brand, model and specification, free */
  'warranty.reason.accessoryExchange',
  /** { component, exchanges, lastReturnedDate } — a phone accessory exchanged twice fails again: the accessory is refunded */
  'warranty.reason.accessoryRefund',
  /** { component, exchangeEnd } — the 7-day refund and 15-day exchange are the phone's main unit's, not an accessory's */
  'warranty.reason.accessoryNotUnitWindows',
  /** { component, kind, givenOn, number } — an accessory already exchanged or refunded at the counter under its 三包 (its slip) */
  'warranty.reason.accessoryRemedyGiven',
  /** { component, refundedOn, number } — this accessory was refunded: its 三包 is fulfilled, it is not exchanged or refunded again */
  'warranty.reason.accessoryRefunded',
  /** {} — an accessory's exchange or refund leaves the phone's own 7-day refund and 15-day exchange as they were */
  'warranty.reason.unitWindowsAfterAccessoryRemedy',
  /** { component, amount, number } — refunding the phone: the accessory's refund already paid back is not paid twice */
  'warranty.reason.accessoryRefundDeducted',
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

export function reason(key: ReasonKey, params: Record<string, string | number> = {}): Reason {
  return { key, params }
}
