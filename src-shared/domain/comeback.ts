/**
 * What kind of job a comeback (the customer back with the same fault after pick-up) opens as.
 * Back after a 三包 warranty repair: the brand's warranty again while the unit's 三包 covers the
 * fault (its period extended by the days in repair); after that the brand owes nothing, and what
 * is left is the repairer's own guarantee on its repair (修理者应当保证修理后的…能够正常使用30日以上:
 * 《移动电话机商品修理更换退货责任规定》; its article number, and whether the 1995 and computer rules
 * say the same, not confirmed: docs/sanbao-sources.md), borne by the shop, for 30 days from the
 * pick-up or the shop's own repair-warranty days when longer; then a paid repair. Back after the shop's own work
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
  /**
   * A 三包 repair's: whether the brand's 三包 still covers the unit's fault today (the warranty
   * verdict). Absent or null: the unit is not in the registry, so nothing says the 三包 is over
   * and the comeback stays the brand's (the counter checks the card).
   */
  brandCovers?: boolean | null
}

/** The repairer's guarantee on a 三包 repair: 保证修理后的…能够正常使用30日以上. */
export const SANBAO_REPAIR_GUARANTEE_DAYS = 30

/** The days of the shop's guarantee on a 三包 repair: the regulation's 30, or its own when longer. */
export function sanbaoRepairGuaranteeDays(repairWarrantyDays: number): number {
  return Math.max(SANBAO_REPAIR_GUARANTEE_DAYS, repairWarrantyDays)
}

export function comebackCover(work: WarrantedWork, today: string, repairWarrantyDays: number): ComebackCover {
  if (work.serviceType === 'warranty_repair') {
    if (work.brandCovers !== false) return { serviceType: 'warranty_repair', shopWarrantyEnd: null }
    const guaranteeEnd = daysPeriodEnd(work.pickedUpOn, sanbaoRepairGuaranteeDays(repairWarrantyDays))
    return {
      serviceType: today <= guaranteeEnd ? 'shop_warranty_repair' : 'paid_repair',
      shopWarrantyEnd: guaranteeEnd
    }
  }
  // An inspection that did no work, or a shop that gives no repair warranty: nothing to cover.
  if ((work.serviceType === 'inspection' && !work.didWork) || repairWarrantyDays === 0)
    return { serviceType: 'paid_repair', shopWarrantyEnd: null }
  const shopWarrantyEnd = daysPeriodEnd(work.pickedUpOn, repairWarrantyDays)
  return { serviceType: today <= shopWarrantyEnd ? 'shop_warranty_repair' : 'paid_repair', shopWarrantyEnd }
}
