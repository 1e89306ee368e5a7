import type { Db } from '../../db/connection'
import type { FollowUp } from '../../../src-shared/contract'
import { isSatisfied, satisfactionAverage, type SatisfactionScores } from '../../../src-shared/domain/customerContact'
import type { FollowUpsTable } from './tables'

/** The follow-up list's query: the job, its customer and device, who called, any complaint. */
export function followUpQuery(db: Db) {
  return db
    .selectFrom('followUps as f')
    .innerJoin('workOrders as wo', 'wo.id', 'f.workOrderId')
    .innerJoin('customers as c', 'c.id', 'wo.customerId')
    .innerJoin('devices as d', 'd.id', 'wo.deviceId')
    .leftJoin('users as u', 'u.id', 'f.calledBy')
    .selectAll('f')
    .select([
      'wo.number as workOrderNumber',
      'wo.pickedUpAt',
      'c.name as customerName',
      'c.mobile as customerPhone',
      'd.brand',
      'd.model',
      'u.displayName as calledByName',
      (eb) =>
        eb.selectFrom('complaints as k').select('k.id').whereRef('k.followUpId', '=', 'f.id').limit(1).as('complaintId')
    ])
}

type FollowUpRow = FollowUpsTable & {
  workOrderNumber: string
  pickedUpAt: string | null
  customerName: string
  customerPhone: string | null
  brand: string
  model: string
  calledByName: string | null
  complaintId: string | null
}

export function followUpFromRow(row: FollowUpRow, today: string): FollowUp {
  const scores = scoresOf(row)
  return {
    id: row.id,
    workOrderId: row.workOrderId,
    workOrderNumber: row.workOrderNumber,
    customerName: row.customerName,
    customerPhone: row.customerPhone ?? '',
    deviceLabel: `${row.brand} ${row.model}`.trim(),
    pickedUpAt: row.pickedUpAt ?? row.createdAt,
    dueDate: row.dueDate,
    status: row.status,
    attempts: row.attempts,
    overdue: row.status === 'open' && row.dueDate < today,
    reached: row.reached === null ? null : row.reached === 1,
    scores,
    average: scores && satisfactionAverage(scores),
    satisfied: scores && isSatisfied(scores),
    comment: row.comment,
    calledByName: row.calledByName,
    calledAt: row.calledAt,
    complaintId: row.complaintId
  }
}

function scoresOf(row: FollowUpsTable): SatisfactionScores | null {
  const { attitude, speed, quality, price } = row
  if (attitude === null || speed === null || quality === null || price === null) return null
  return { attitude, speed, quality, price }
}
