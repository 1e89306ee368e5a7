import type { Verdict } from './evaluate'

/**
 * Whether the customer may leave with a new unit now: the verdict is an exchange (within the
 * exchange window, or after the second repair of the same fault), or a refund, since within the
 * refund window the customer may choose an exchange instead (三包: 7 日内可选择退货或换货).
 */
export function exchangeDue(verdict: Verdict): boolean {
  return verdict === 'refund' || verdict === 'exchange' || verdict === 'exchange_or_refund'
}
