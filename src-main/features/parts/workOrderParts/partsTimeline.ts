import type { Db } from '../../../db/connection'
import type { TimelineEvent } from '../../../../src-shared/contract'

/** What a part line says on the timeline, from the ledger's kind of movement. */
const KIND_OF_MOVEMENT = { issue: 'part_issued', return: 'part_returned' } as const

/**
 * A job's parts as lines of its timeline: each request the technician made, each issue and each
 * return the ledger booked against the job, with who, when, which part and how many.
 */
export async function partsTimelineOf(db: Db, workOrderId: string): Promise<TimelineEvent[]> {
  const requests = await db
    .selectFrom('workOrderPartRequests as r')
    .innerJoin('parts as p', 'p.id', 'r.partId')
    .leftJoin('users as u', 'u.id', 'r.requestedBy')
    .select([
      'r.id',
      'r.requestedAt as at',
      'u.displayName as actorName',
      'r.note',
      'p.partNumber',
      'p.name',
      'r.quantity'
    ])
    .where('r.workOrderId', '=', workOrderId)
    .execute()
  const movements = await db
    .selectFrom('stockMovements as m')
    .innerJoin('parts as p', 'p.id', 'm.partId')
    .leftJoin('users as u', 'u.id', 'm.actorId')
    .select([
      'm.id',
      'm.at',
      'u.displayName as actorName',
      'm.kind',
      'm.reason as note',
      'p.partNumber',
      'p.name',
      'm.quantity',
      'm.serial'
    ])
    .where('m.workOrderId', '=', workOrderId)
    .where('m.kind', 'in', ['issue', 'return'])
    .execute()
  return [
    ...requests.map((request) => ({
      ...line(request, 'part_requested'),
      part: { partNumber: request.partNumber, partName: request.name, quantity: request.quantity, serial: null }
    })),
    ...movements.map((movement) => ({
      ...line(movement, KIND_OF_MOVEMENT[movement.kind as keyof typeof KIND_OF_MOVEMENT]),
      // The ledger counts an issue as stock going out (negative); the job received that many.
      part: {
        partNumber: movement.partNumber,
        partName: movement.name,
        quantity: Math.abs(movement.quantity),
        serial: movement.serial
      }
    }))
  ]
}

function line(
  row: { id: string; at: string; actorName: string | null; note: string },
  kind: string
): Omit<TimelineEvent, 'part'> {
  return {
    id: row.id,
    at: row.at,
    actorName: row.actorName,
    kind,
    fromStatus: null,
    toStatus: null,
    note: row.note,
    quote: null
  }
}
