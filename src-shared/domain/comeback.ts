/**
 * What kind of job a comeback (the customer back with the same fault after pick-up) opens as.
 * Back after a 三包 warranty repair: the brand's warranty again. Back after the shop's own work
 * (a paid repair, an installation, an inspection that did work) within the shop's repair-warranty
 * days from that work's pick-up: the shop's own warranty, free to the customer and never claimed
 * from the brand. A free rework does not start those days again: they run from the work it
 * reworks. Back later, or after an inspection that did no work: a paid repair, quoted first.
 */
import type { ServiceType } from './repairTypes'
import { daysPeriodEnd } from './warranty/policy'

export interface ComebackCover {
  serviceType: ServiceType
  /** the last day of the shop's repair warranty on the earlier work; null when it has none */
  shopWarrantyEnd: string | null
}

/** The shop's work a comeback is judged by: the first job of the line that was not a free rework. */
export interface WarrantedWork {
  serviceType: Exclude<ServiceType, 'shop_warranty_repair'>
  pickedUpOn: string
  /** labour was done or parts were fitted (an inspection may do neither) */
  didWork: boolean
}

export function comebackCover(work: WarrantedWork, today: string, repairWarrantyDays: number): ComebackCover {
  if (work.serviceType === 'warranty_repair') return { serviceType: 'warranty_repair', shopWarrantyEnd: null }
  // An inspection that did no work, or a shop that gives no repair warranty: nothing to cover.
  if ((work.serviceType === 'inspection' && !work.didWork) || repairWarrantyDays === 0)
    return { serviceType: 'paid_repair', shopWarrantyEnd: null }
  const shopWarrantyEnd = daysPeriodEnd(work.pickedUpOn, repairWarrantyDays)
  return { serviceType: today <= shopWarrantyEnd ? 'shop_warranty_repair' : 'paid_repair', shopWarrantyEnd }
}
