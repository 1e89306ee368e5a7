import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type {
  FrontDeskTiles,
  ManagerTiles,
  TechnicianTiles,
  WarehouseTiles
} from '../../../src-shared/contract/dashboard'
import { LONGEST_WAITS_SHOWN, STUCK_AFTER_DAYS } from '../../../src-shared/domain/dashboard'
import type { PaymentMethod } from '../../../src-shared/domain/invoice'
import { FAULTY_RETURN_DUE_DAYS, NOT_SENT_BACK } from '../../../src-shared/domain/faultyReturn'
import { daysWaitedSince } from '../../../src-shared/domain/workOrderAge'
import { comeback, onBench, promisedBefore, promisedFor, stuck, workable } from '../workOrders/queues'

const DAY_MS = 86_400_000

/** The shop's day as a calendar date, the UTC instants it starts and ends at, and its zone. */
export interface ShopDay {
  date: string
  start: string
  end: string
  timeZone: string
}

async function count(db: Db, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  const { rows } = await query.execute(db)
  return rows[0]?.n ?? 0
}

function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString()
}

/**
 * Every count below reads an index range (work_orders by status, promised date, created date or
 * technician; partial indexes of open requests and low stock); none scans a whole table.
 */
export async function frontDeskTiles(db: Db, day: ShopDay): Promise<FrontDeskTiles> {
  const readyForPickUp = await count(db, sql`SELECT COUNT(*) AS n FROM work_orders WHERE status = 'ready_for_pickup'`)
  const { rows: waits } = await sql<{ id: string; number: string; customerName: string; readySince: string }>`
    SELECT wo.id, wo.number, c.name AS customer_name,
           coalesce((SELECT MAX(e.at) FROM work_order_events e
                      WHERE e.work_order_id = wo.id AND e.kind = 'status' AND e.to_status = 'ready_for_pickup'),
                    wo.updated_at) AS ready_since
      FROM work_orders wo JOIN customers c ON c.id = wo.customer_id
     WHERE wo.status = 'ready_for_pickup'
     ORDER BY ready_since, wo.number
     LIMIT ${LONGEST_WAITS_SHOWN}`.execute(db)
  // These two and the jobs below count what the work-order list's filters show (workOrders/queues.ts).
  const promisedToday = await count(db, sql`SELECT COUNT(*) AS n FROM work_orders wo WHERE ${promisedFor(day.date)}`)
  const overdue = await count(db, sql`SELECT COUNT(*) AS n FROM work_orders wo WHERE ${promisedBefore(day.date)}`)
  const intakesToday = await count(
    db,
    sql`SELECT COUNT(*) AS n FROM work_orders WHERE created_at >= ${day.start} AND created_at < ${day.end}`
  )
  const followUpsDue = await count(
    db,
    sql`SELECT COUNT(*) AS n FROM follow_ups WHERE status = 'open' AND due_date <= ${day.date}`
  )
  return {
    readyForPickUp,
    longestWaits: waits.map((row) => ({
      workOrderId: row.id,
      number: row.number,
      customerName: row.customerName,
      readySince: row.readySince,
      daysWaiting: daysWaitedSince(row.readySince, day.date, day.timeZone)
    })),
    promisedToday,
    overdue,
    intakesToday,
    followUpsDue
  }
}

/** Their jobs to work on now, those waiting for parts (apart: a job is never counted in both), and comebacks. */
export async function technicianTiles(db: Db, technicianId: string): Promise<TechnicianTiles> {
  const { rows } = await sql<{ queue: number; parts: number; comebacks: number }>`
    SELECT coalesce(SUM(${workable()}), 0) AS queue,
           coalesce(SUM(wo.status = 'awaiting_parts'), 0) AS parts,
           coalesce(SUM(${comeback()}), 0) AS comebacks
      FROM work_orders wo WHERE wo.technician_id = ${technicianId} AND ${onBench()}`.execute(db)
  return { myQueue: rows[0]?.queue ?? 0, waitingForParts: rows[0]?.parts ?? 0, myComebacks: rows[0]?.comebacks ?? 0 }
}

/**
 * Faulty parts owed to the brand are those not yet shipped back, aged by the brand's due days: within
 * them, up to twice as long, and longer.
 */
export async function warehouseTiles(db: Db, now: Date): Promise<WarehouseTiles> {
  const partRequestsWaiting = await count(
    db,
    sql`SELECT COUNT(*) AS n FROM work_order_part_requests WHERE status = 'open'`
  )
  const lowStock = await count(db, sql`SELECT COUNT(*) AS n FROM parts WHERE active = 1 AND on_hand <= reorder_point`)
  const due = daysAgo(now, FAULTY_RETURN_DUE_DAYS)
  const twiceDue = daysAgo(now, 2 * FAULTY_RETURN_DUE_DAYS)
  const { rows } = await sql<{ fresh: number; middle: number; old: number }>`
    SELECT coalesce(SUM(created_at > ${due}), 0) AS fresh,
           coalesce(SUM(created_at <= ${due} AND created_at > ${twiceDue}), 0) AS middle,
           coalesce(SUM(created_at <= ${twiceDue}), 0) AS old
      FROM faulty_parts WHERE status IN (${sql.join([...NOT_SENT_BACK])})`.execute(db)
  const faultyOwed = { upTo30: rows[0]?.fresh ?? 0, from31To60: rows[0]?.middle ?? 0, over60: rows[0]?.old ?? 0 }
  return {
    partRequestsWaiting,
    lowStock,
    faultyOwed,
    faultyOwedTotal: faultyOwed.upTo30 + faultyOwed.from31To60 + faultyOwed.over60
  }
}

export async function managerTiles(db: Db, now: Date, day: ShopDay): Promise<ManagerTiles> {
  const { rows: takings } = await sql<{ method: PaymentMethod; amount: number }>`
    SELECT method, SUM(amount_fen) AS amount FROM payments
     WHERE at >= ${day.start} AND at < ${day.end}
     GROUP BY method ORDER BY method`.execute(db)
  const stuckJobs = await count(db, sql`SELECT COUNT(*) AS n FROM work_orders wo WHERE ${stuck(now)}`)
  return {
    takingsToday: takings.map((row) => ({ method: row.method, amountFen: row.amount })),
    takingsTodayFen: takings.reduce((sum, row) => sum + row.amount, 0),
    stuckJobs,
    stuckDays: STUCK_AFTER_DAYS
  }
}
