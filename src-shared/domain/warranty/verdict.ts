/** What a warranty evaluation answers: the verdict, its reasons and the dates it was judged from. */
import type { Reason } from './reasons'
import type { WaitingCause } from './waiting'

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
  /**
   * a phone accessory (附件) with a performance fault within its own period: a new one of the same
   * brand, model and specification, free (never the phone's refund or exchange)
   */
  | 'accessory_exchange'
  /** a phone accessory exchanged twice under 三包 that fails again: the accessory alone is refunded */
  | 'accessory_refund'
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
  /**
   * Whose warranty gives the remedy: the brand's 三包, or the shop's own repair warranty on a part it
   * replaced (a shop-warranty repair: the shop bears it, never claimed from the brand); null when
   * nothing covers it.
   */
  coveredBy: 'brand' | 'shop' | null
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
