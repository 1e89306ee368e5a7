import type { Db } from '../../db/connection'
import { comebackCover, type ComebackCover } from '../../../src-shared/domain/comeback'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { readRepairWarrantyDays } from '../settings/service'
import type { ShopCalendar } from './calendar'
import type { WorkOrdersTable } from './tables'

/**
 * What a comeback of this order would open as today, by the shop's repair-warranty days; null
 * while the order is not one a comeback can start from (not collected). The reopen opens it so,
 * and the work order page says so before anyone reopens.
 */
export async function comebackOf(
  db: Db,
  order: Pick<WorkOrdersTable, 'status' | 'serviceType' | 'pickedUpAt'>,
  calendar: ShopCalendar
): Promise<ComebackCover | null> {
  if (order.status !== 'picked_up' || !order.pickedUpAt) return null
  const pickedUpOn = shopLocalDate(new Date(order.pickedUpAt), calendar.timeZone)
  return comebackCover({ serviceType: order.serviceType, pickedUpOn }, calendar.today, await readRepairWarrantyDays(db))
}
