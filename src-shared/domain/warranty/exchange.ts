import type { Verdict } from './verdict'

/**
 * Whether the customer may leave with a new unit now: the verdict is an exchange (within the
 * exchange window, after the second repair of the same fault, or after waiting too long), an
 * exchange or refund at the customer's choice (the 1995 goods), or a refund, since within the
 * refund window the customer may choose an exchange instead (三包: 7 日内可选择退货或换货).
 */
export function exchangeDue(verdict: Verdict): boolean {
  return verdict === 'refund' || verdict === 'exchange' || verdict === 'exchange_or_refund'
}

/**
 * Whether the customer may give the unit back for a refund now: within the refund window
 * (《部分商品…》第九条, 《移动电话机…》第十一条, 《微型计算机…》第十一条), or, for the 1995
 * goods, where an exchange is due and the customer asks for a refund instead (第十三条).
 */
export function refundDue(verdict: Verdict): boolean {
  return verdict === 'refund' || verdict === 'exchange_or_refund'
}
