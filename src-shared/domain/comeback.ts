/**
 * What kind of job a comeback (the customer back with the same fault after pick-up) opens as.
 * Back after a 三包 warranty repair: the brand's warranty again. Back after the shop's own work
 * (a paid repair, an installation, a repair under the shop's warranty) within the shop's
 * repair-warranty days from the pick-up: the shop's own warranty, free to the customer and never
 * claimed from the brand. Back later, or after an inspection that repaired nothing: a paid
 * repair, quoted first.
 */
import type { ServiceType } from './repairTypes'
import { daysPeriodEnd } from './warranty/policy'

export interface ComebackCover {
  serviceType: ServiceType
  /** the last day of the shop's repair warranty on the earlier job; null when it has none */
  shopWarrantyEnd: string | null
}

export function comebackCover(
  previous: { serviceType: ServiceType; pickedUpOn: string },
  today: string,
  repairWarrantyDays: number
): ComebackCover {
  if (previous.serviceType === 'warranty_repair') return { serviceType: 'warranty_repair', shopWarrantyEnd: null }
  if (previous.serviceType === 'inspection') return { serviceType: 'paid_repair', shopWarrantyEnd: null }
  const shopWarrantyEnd = daysPeriodEnd(previous.pickedUpOn, repairWarrantyDays)
  return { serviceType: today <= shopWarrantyEnd ? 'shop_warranty_repair' : 'paid_repair', shopWarrantyEnd }
}
