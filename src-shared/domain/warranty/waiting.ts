/**
 * Waiting too long in a warranty repair: which regulation a category falls under, and after how
 * many days of waiting the customer becomes entitled to an exchange.
 *
 * The regulations count the limit 自送修之日起 (from the day the unit was brought in for repair),
 * whatever the cause, so the entitlement runs from that day; the day the waiting began and its
 * cause are what the repair record must show (修理者应当在修理状况中注明). Days are counted as
 * every other period here (民法典 第201条: the day brought in is not counted; daysPeriodEnd):
 * "超过90日未修好" means the 90th day after the day brought in has passed, so the customer is
 * entitled from the 91st.
 */
import { addDays, daysPeriodEnd, type CategoryKey } from './policy'

/** Why a unit in warranty repair is still waiting. */
export const WAITING_CAUSES = [
  /** the maker (生产者) has not supplied the parts */
  'parts_not_supplied',
  /** the repairer's own delay (修理者自身原因) */
  'repairer_delay'
] as const

export type WaitingCause = (typeof WAITING_CAUSES)[number]

/** The three 三包 regulations the built-in categories fall under. */
export type Regulation = 'goods_1995' | 'phones_2001' | 'computers_2002'

/**
 * The regulation of each category: 《部分商品修理更换退货责任规定》(1995, its annex: TV,
 * refrigerator, washing machine, air conditioner), 《移动电话机商品修理更换退货责任规定》(2001),
 * 《微型计算机商品修理更换退货责任规定》(2002). A new category must say which one it follows.
 */
export const REGULATION_OF_CATEGORY: Record<CategoryKey, Regulation> = {
  mobile_phone: 'phones_2001',
  computer: 'computers_2002',
  desktop_computer: 'computers_2002',
  laptop_computer: 'computers_2002',
  tv: 'goods_1995',
  air_conditioner: 'goods_1995',
  refrigerator: 'goods_1995',
  washing_machine: 'goods_1995'
}

/** A category the built-in list does not know (an imported one): the 1995 general rules. */
export function regulationOf(categoryKey: string): Regulation {
  return (REGULATION_OF_CATEGORY as Record<string, Regulation | undefined>)[categoryKey] ?? 'goods_1995'
}

/** After `days` of waiting the customer may have an exchange; `article` names the rule ('goods_1995_art12': the 1995 rules, article 12). */
export interface WaitingLimit {
  days: number
  article: string
}

/**
 * The waiting limits per regulation and cause; null: that regulation gives no exchange for it.
 * - 1995 art. 12: no parts from the maker, more than 90 days from the day brought in → exchange;
 *   the repairer's own delay, a repair longer than 30 days → exchange at the repairer's cost.
 * - 2001 (phones) art. 16: no parts, more than 60 days → exchange of the phone's main unit;
 *   art. 17: the repairer's own delay, more than 30 days → exchange.
 * - 2002 (computers) art. 23: the repairer's own delay, more than 30 days → exchange. The computer
 *   rules give no exchange for missing parts: art. 8 deducts the time waiting for parts from the
 *   三包 period instead (the repair-time extension already does).
 */
export const WAITING_LIMITS: Record<Regulation, Record<WaitingCause, WaitingLimit | null>> = {
  goods_1995: {
    parts_not_supplied: { days: 90, article: 'goods_1995_art12' },
    repairer_delay: { days: 30, article: 'goods_1995_art12' }
  },
  phones_2001: {
    parts_not_supplied: { days: 60, article: 'phones_2001_art16' },
    repairer_delay: { days: 30, article: 'phones_2001_art17' }
  },
  computers_2002: {
    parts_not_supplied: null,
    repairer_delay: { days: 30, article: 'computers_2002_art23' }
  }
}

/** What the repair record says about a unit still waiting in a warranty repair. */
export interface WaitingRecord {
  cause: WaitingCause
  /** the day the waiting began, as the desk recorded it */
  since: string
  /** the day the unit was brought in for this repair (送修之日), where the limit counts from */
  broughtIn: string
  /** the limit of the unit's regulation for this cause; null: no exchange for this cause */
  limit: WaitingLimit | null
}

/** The first day the customer is entitled to an exchange; null when the cause gives none. */
export function waitingEntitledOn(waiting: Pick<WaitingRecord, 'broughtIn' | 'limit'>): string | null {
  return waiting.limit ? addDays(daysPeriodEnd(waiting.broughtIn, waiting.limit.days), 1) : null
}

/** The waiting record of a job, with the limit of the unit's category. */
export function waitingRecord(
  categoryKey: string,
  cause: WaitingCause,
  since: string,
  broughtIn: string
): WaitingRecord {
  return { cause, since, broughtIn, limit: WAITING_LIMITS[regulationOf(categoryKey)][cause] }
}
