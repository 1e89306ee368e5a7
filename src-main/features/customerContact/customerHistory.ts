import type { Db } from '../../db/connection'
import type { CustomerComplaint, FollowUp, RecentRecords } from '../../../src-shared/contract'
import { recentRecords } from '../../../src-shared/contract/customers'
import { satisfactionAverage } from '../../../src-shared/domain/customerContact'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { readShopTimeZone } from '../settings/service'
import { followUpFromRow, followUpQuery } from './followUpRows'

/**
 * The newest complaints about a customer's jobs, in the complaints page's terms (status, source,
 * the low score that opened it), with who took the case on. Read through the customer's jobs and
 * each job's complaints, both indexed.
 */
export async function complaintsOfCustomer(
  db: Db,
  customerId: string,
  limit: number
): Promise<RecentRecords<CustomerComplaint>> {
  const rows = await db
    .selectFrom('complaints as k')
    .innerJoin('workOrders as wo', 'wo.id', 'k.workOrderId')
    .leftJoin('followUps as f', 'f.id', 'k.followUpId')
    .select([
      'k.id',
      'k.number',
      'k.workOrderId',
      'wo.number as workOrderNumber',
      'k.source',
      'k.status',
      'k.openedAt',
      'f.attitude',
      'f.speed',
      'f.quality',
      'f.price',
      (eb) =>
        eb
          .selectFrom('complaintEvents as e')
          .innerJoin('users as u', 'u.id', 'e.actorId')
          .select('u.displayName')
          .whereRef('e.complaintId', '=', 'k.id')
          .where('e.toStatus', '<>', 'open')
          .orderBy('e.at', 'desc')
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('handledByName')
    ])
    .where('wo.customerId', '=', customerId)
    .orderBy('k.openedAt', 'desc')
    .orderBy('k.id', 'desc')
    .limit(limit + 1)
    .execute()
  const complaints = rows.map(({ attitude, speed, quality, price, ...complaint }) => ({
    ...complaint,
    average:
      attitude !== null && speed !== null && quality !== null && price !== null
        ? satisfactionAverage({ attitude, speed, quality, price })
        : null
  }))
  return recentRecords(complaints, limit)
}

/**
 * The newest follow-up calls on a customer's jobs, as the follow-up list shows them: the calls
 * made by when they were made, one still due by when it was opened.
 */
export async function followUpsOfCustomer(
  db: Db,
  now: Date,
  customerId: string,
  limit: number
): Promise<RecentRecords<FollowUp>> {
  const today = shopLocalDate(now, await readShopTimeZone(db))
  const rows = await followUpQuery(db)
    .where('wo.customerId', '=', customerId)
    .orderBy((eb) => eb.fn.coalesce('f.calledAt', 'f.createdAt'), 'desc')
    .orderBy('f.id', 'desc')
    .limit(limit + 1)
    .execute()
  return recentRecords(
    rows.map((row) => followUpFromRow(row, today)),
    limit
  )
}
