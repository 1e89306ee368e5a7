import type { Db } from '../../db/connection'
import { comebackCover, type ComebackCover, type WarrantedWork } from '../../../src-shared/domain/comeback'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { readRepairWarrantyDays } from '../settings/service'
import type { FreeComeback } from '../../../src-shared/contract'
import type { ShopCalendar } from './calendar'
import { findWorkOrder, liveComeback } from './lookup'
import { workOrderPorts } from './ports'
import type { WorkOrdersTable } from './tables'

type CollectedJob = Pick<WorkOrdersTable, 'id' | 'status' | 'serviceType' | 'pickedUpAt' | 'reopenedFromId'>

/**
 * The job whose work the shop's repair warranty covers: a free rework's is the job it reworks
 * (followed back through its comebacks), so a rework never starts the warranty again; null when
 * that job was never collected.
 */
export async function warrantedJob(db: Db, order: CollectedJob): Promise<CollectedJob | null> {
  let job = order
  while (job.serviceType === 'shop_warranty_repair' && job.reopenedFromId)
    job = await findWorkOrder(db, job.reopenedFromId)
  return job.pickedUpAt ? job : null
}

/** Whether the job had labour done or parts fitted (not given back); its parts come through the kernel's port. */
async function didWork(db: Db, workOrderId: string): Promise<boolean> {
  const labour = await db
    .selectFrom('workOrderLabour')
    .select('id')
    .where('workOrderId', '=', workOrderId)
    .executeTakeFirst()
  if (labour) return true
  const parts = await workOrderPorts().partsOf(db, workOrderId)
  return parts.lines.some((line) => line.returnedQuantity < line.quantity)
}

/**
 * What a comeback of this order would open as today, by the shop's repair-warranty days; null
 * while the order is not one a comeback can start from (not collected). The reopen opens it so,
 * and the work order page says so before anyone reopens.
 */
export async function comebackOf(db: Db, order: CollectedJob, calendar: ShopCalendar): Promise<ComebackCover | null> {
  if (order.status !== 'picked_up') return null
  const job = await warrantedJob(db, order)
  if (!job || job.serviceType === 'shop_warranty_repair') return null
  const work: WarrantedWork = {
    serviceType: job.serviceType,
    pickedUpOn: shopLocalDate(new Date(job.pickedUpAt!), calendar.timeZone),
    // Only an inspection may have done no work; the other kinds are the shop's work by their kind.
    didWork: job.serviceType === 'inspection' ? await didWork(db, job.id) : true,
    // A 三包 repair's comeback is the brand's only while the unit's 三包 covers it (the verdict's).
    brandCovers:
      job.serviceType === 'warranty_repair'
        ? await workOrderPorts().brandCoversComeback(db, job.id, calendar.today)
        : null
  }
  return comebackCover(work, calendar.today, await readRepairWarrantyDays(db))
}

/**
 * The device's last collected job when a comeback of it would be free under the shop's own
 * repair warranty today: check-in shows it, so a comeback is reopened (free) rather than
 * registered and billed again. Null when there is none, or it has a comeback open already.
 */
export async function freeComebackOf(db: Db, deviceId: string, calendar: ShopCalendar): Promise<FreeComeback | null> {
  const last = await db
    .selectFrom('workOrders')
    .select(['id', 'number', 'status', 'serviceType', 'pickedUpAt', 'reopenedFromId'])
    .where('deviceId', '=', deviceId)
    .where('status', '=', 'picked_up')
    .orderBy('pickedUpAt', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!last || (await liveComeback(db, last.id))) return null
  const cover = await comebackOf(db, last, calendar)
  if (cover?.serviceType !== 'shop_warranty_repair' || !cover.shopWarrantyEnd) return null
  return {
    workOrderId: last.id,
    number: last.number,
    pickedUpOn: shopLocalDate(new Date(last.pickedUpAt!), calendar.timeZone),
    shopWarrantyEnd: cover.shopWarrantyEnd
  }
}
