import type { Db } from '../../db/connection'
import { AppError, type OpenJobOfDevice } from '../../../src-shared/contract'
import { OPEN_STATUSES } from '../../../src-shared/domain/workOrderStatus'

/** The device's job not yet finished (picked up, cancelled or returned unrepaired), if it has one. */
export async function openJobOfDevice(db: Db, deviceId: string): Promise<OpenJobOfDevice | null> {
  const open = await db
    .selectFrom('workOrders')
    .select(['id', 'number', 'status'])
    .where('deviceId', '=', deviceId)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('createdAt', 'desc')
    .executeTakeFirst()
  return open ? { workOrderId: open.id, number: open.number, status: open.status } : null
}

/**
 * A device is on one open job at a time: a second check-in (a scan at the counter of a unit that
 * is ready for pick-up, say) would split its story and its stock over two jobs. Checked inside the
 * check-in's transaction, so two desks booking the same device at once open one job.
 */
export async function requireNoOpenJob(db: Db, deviceId: string): Promise<void> {
  const open = await openJobOfDevice(db, deviceId)
  if (open)
    throw new AppError('CONFLICT', 'errors.deviceOnOpenJob', {
      number: open.number,
      workOrderId: open.workOrderId,
      status: open.status
    })
}
