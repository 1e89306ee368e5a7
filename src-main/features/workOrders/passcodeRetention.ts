import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import { CLOSED_STATUSES } from '../../../src-shared/domain/workOrderStatus'
import { recordAudit } from '../audit/record'
import { readPasscodeRetentionDays } from '../settings/service'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Erases the passcodes of jobs closed (picked up, cancelled, returned unrepaired) more than the
 * shop's retention days ago, each with its audit row (who: nobody, the sweep). A job reopened as
 * a comeback is a new job; the closed one keeps nothing past the retention. Run at start-up and
 * daily (app/housekeeping.ts). secure_delete overwrites the erased values on disk.
 * Returns how many passcodes were erased.
 */
export async function erasePasscodesPastRetention(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const retentionDays = await readPasscodeRetentionDays(trx)
    const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString()
    // When the job closed: its pick-up, else the status change that closed it.
    const closedAt = sql<string>`coalesce(w.picked_up_at,
      (select max(e.at) from work_order_events e where e.work_order_id = w.id and e.to_status = w.status),
      w.updated_at)`
    const due = await trx
      .selectFrom('workOrders as w')
      .select(['w.id', 'w.number'])
      .where('w.passcode', 'is not', null)
      .where('w.status', 'in', [...CLOSED_STATUSES])
      .where(closedAt, '<=', cutoff)
      .execute()
    for (const order of due) {
      await trx.updateTable('workOrders').set({ passcode: null }).where('id', '=', order.id).execute()
      await recordAudit(trx, now, {
        actorId: null,
        action: 'workOrders.passcodeErased',
        entity: 'work_order',
        entityId: order.id,
        after: { number: order.number, retentionDays }
      })
    }
    return due.length
  })
}
