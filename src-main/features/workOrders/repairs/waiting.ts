import type { Db } from '../../../db/connection'
import { AppError, type CurrentUser, type ParsedInput, type WorkOrderDetail } from '../../../../src-shared/contract'
import { shopLocalDate } from '../../../../src-shared/domain/timeZone'
import { readShopTimeZone } from '../../settings/service'
import { changeWorkOrder } from '../change'
import { requireBenchAccess, requireOpen } from '../guards'

/**
 * Why a warranty repair is waiting (the maker has not supplied the parts, or the repairer's own
 * delay) and since when, as the repair record must say it (三包: 修理者应当在修理状况中注明).
 * The 三包 waiting limits only concern warranty repairs; the day the waiting began lies between
 * the day the unit was brought in and today. Null clears it (the parts came, the work goes on).
 */
export function setWaiting(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.setWaiting'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.setWaiting', async (trx, order) => {
    requireOpen(order)
    requireBenchAccess(actor, order)
    if (order.serviceType !== 'warranty_repair') throw new AppError('CONFLICT', 'errors.waitingOnlyWarranty')
    const waiting = input.waiting
    if (waiting === null) {
      return { set: { waitingCause: null, waitingSince: null }, event: { kind: 'waiting_ended' } }
    }
    const timeZone = await readShopTimeZone(trx)
    const broughtIn = shopLocalDate(new Date(order.createdAt), timeZone)
    const today = shopLocalDate(at, timeZone)
    if (waiting.since < broughtIn || waiting.since > today) {
      const messageKey = 'errors.waitingSinceOutOfRange'
      throw new AppError('VALIDATION', messageKey, { broughtIn, today, fields: [{ path: 'since', messageKey }] })
    }
    return {
      set: { waitingCause: waiting.cause, waitingSince: waiting.since },
      event: { kind: 'waiting', note: `${waiting.cause} ${waiting.since}` }
    }
  })
}
