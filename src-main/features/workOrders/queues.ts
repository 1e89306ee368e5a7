import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely'
import { BENCH_STATUSES, STUCK_AFTER_DAYS, WORKABLE_STATUSES } from '../../../src-shared/domain/dashboard'
import type { WorkOrderStatus } from '../../../src-shared/domain/workOrderStatus'

/*
 * The queues the home's tiles count, as conditions over `work_orders wo`. The dashboard counts
 * with them and the work-order list filters with them, so a tile and the list it opens cannot
 * disagree. `status` lets the list hand in its own reference to the status column (with a
 * search it keeps SQLite off the status index).
 */

type StatusColumn = Expression<WorkOrderStatus>
type Condition = RawBuilder<SqlBool>

const DAY_MS = 86_400_000
const benchStatuses = sql.join(BENCH_STATUSES.map((status) => sql.lit(status)))
const workableStatuses = sql.join(WORKABLE_STATUSES.map((status) => sql.lit(status)))
const statusColumn = sql.ref<WorkOrderStatus>('wo.status')

/** Open jobs the shop still works on (BENCH_STATUSES). */
export function onBench(status: StatusColumn = statusColumn): Condition {
  return sql<SqlBool>`(${status} IN (${benchStatuses}))`
}

/** On the bench and not waiting for parts or the customer: the technician can work on it now. */
export function workable(status: StatusColumn = statusColumn): Condition {
  return sql<SqlBool>`(${status} IN (${workableStatuses}))`
}

/** On the bench and promised for this shop day. */
export function promisedFor(date: string, status: StatusColumn = statusColumn): Condition {
  return sql<SqlBool>`(${onBench(status)} AND wo.promised_date = ${date})`
}

/** On the bench and promised for a day before `today`: the shop is late. */
export function promisedBefore(today: string, status: StatusColumn = statusColumn): Condition {
  return sql<SqlBool>`(${onBench(status)} AND wo.promised_date < ${today})`
}

/** On the bench again after a pick-up: a reopened job. */
export function comeback(status: StatusColumn = statusColumn): Condition {
  return sql<SqlBool>`(${onBench(status)} AND wo.reopened_from_id IS NOT NULL)`
}

/**
 * On the bench and its status has not moved for STUCK_AFTER_DAYS: a job's last status change is
 * its newest status event (or its intake when it has none).
 */
export function stuck(now: Date, status: StatusColumn = statusColumn): Condition {
  const cutoff = new Date(now.getTime() - STUCK_AFTER_DAYS * DAY_MS).toISOString()
  return sql<SqlBool>`(${onBench(status)}
    AND coalesce((SELECT MAX(e.at) FROM work_order_events e
                   WHERE e.work_order_id = wo.id AND e.kind = 'status'), wo.created_at) <= ${cutoff})`
}
