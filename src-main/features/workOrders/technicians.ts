import type { Db } from '../../db/connection'
import type { Technician } from '../../../src-shared/contract'
import { CLOSED_STATUSES } from '../../../src-shared/domain/workOrderStatus'

/** Active technicians with how many open jobs each has, for assigning work fairly. */
export async function listTechnicians(db: Db): Promise<Technician[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('workOrders as wo', (join) =>
      join.onRef('wo.technicianId', '=', 'u.id').on('wo.status', 'not in', [...CLOSED_STATUSES])
    )
    .select(['u.id', 'u.displayName', (eb) => eb.fn.count<number>('wo.id').as('openJobs')])
    .where('u.role', '=', 'technician')
    .where('u.disabled', '=', 0)
    .groupBy(['u.id', 'u.displayName'])
    .orderBy('u.displayName')
    .execute()
  return rows.map((row) => ({ id: row.id, displayName: row.displayName, openJobs: Number(row.openJobs) }))
}
