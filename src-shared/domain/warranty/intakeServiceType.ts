/** What a check-in makes of the registry's verdict on the unit brought in. */
import type { ServiceType } from '../repairTypes'
import type { WarrantyEvaluation } from './verdict'

type Judged = Pick<WarrantyEvaluation, 'verdict' | 'coveredBy'>

/**
 * The kind of job a check-in opens for the verdict while the desk has not chosen one: the brand's
 * free repair a warranty repair, a unit within its refund or exchange window a 退换货检测 (the
 * fault is confirmed before the remedy), one out of warranty a paid repair. Null where the
 * verdict names no kind of job the desk may open: the shop's own repair warranty (a manager
 * reopens the earlier job), an accessory's exchange at the counter, an unknown start.
 */
export function serviceTypeForVerdict(judged: Judged): ServiceType | null {
  switch (judged.verdict) {
    case 'free_repair':
    case 'free_new_component':
      return judged.coveredBy === 'brand' ? 'warranty_repair' : null
    case 'refund':
    case 'exchange':
    case 'exchange_or_refund':
      return 'inspection'
    case 'paid_repair':
    case 'not_covered':
      return 'paid_repair'
    case 'accessory_exchange':
    case 'accessory_refund':
    case 'unknown_start':
      return null
  }
}

/**
 * Taken in as a paid repair while a warranty covers the unit free (the brand's 三包, or the
 * shop's own repair warranty on a part it replaced): the customer would be charged for what is
 * owed to them, so the desk is told before saving. It may still be right (damage seen at the
 * counter that the registry cannot know of), so it is said, not refused.
 */
export function paidDespiteFreeVerdict(serviceType: ServiceType, judged: Judged): boolean {
  return serviceType === 'paid_repair' && judged.coveredBy !== null
}
