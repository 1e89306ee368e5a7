import type { Db } from '../../../db/connection'
import type { PartRequestCancellation, TimelineEvent, TimelinePart } from '../../../../src-shared/contract'
import { CANCELLATION_COLUMNS, cancellationOf } from './requestCancellation'

/** What a part line says on the timeline, from the ledger's kind of movement. */
const KIND_OF_MOVEMENT = { issue: 'part_issued', return: 'part_returned' } as const

/**
 * A job's parts as lines of its timeline: each request the technician made and, where it was
 * cancelled, who cancelled it, when and why (a request withdrawn because its job closed says the status
 * the job closed to and the reason given for it), and each issue and return the ledger booked
 * against the job, with who, when, which part and how many.
 */
export async function partsTimelineOf(db: Db, workOrderId: string): Promise<TimelineEvent[]> {
  const requests = await db
    .selectFrom('workOrderPartRequests as r')
    .innerJoin('parts as p', 'p.id', 'r.partId')
    .innerJoin('workOrders as w', 'w.id', 'r.workOrderId')
    .leftJoin('users as u', 'u.id', 'r.requestedBy')
    .leftJoin('users as c', 'c.id', 'r.cancelledBy')
    .select([
      'r.id',
      'r.requestedAt as at',
      'u.displayName as actorName',
      'r.note',
      'p.partNumber',
      'p.name',
      'r.quantity',
      'r.status',
      ...CANCELLATION_COLUMNS
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
  const requested = (request: (typeof requests)[number]) => ({
    partNumber: request.partNumber,
    partName: request.name,
    quantity: request.quantity,
    serial: null
  })
  return [
    ...requests.map((request) => ({ ...line(request, 'part_requested'), part: requested(request) })),
    ...requests.flatMap((request) => {
      const cancellation = cancellationOf(request)
      return cancellation ? [cancelled(request, cancellation, requested(request))] : []
    }),
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

/**
 * A cancelled request's line, at the moment it was cancelled: by hand (the technician or the
 * clerk), then with the reason they gave, or withdrawn as its job closed, then with the status the
 * job closed to and its reason.
 */
function cancelled(
  request: { id: string; at: string },
  cancellation: PartRequestCancellation,
  part: TimelinePart
): TimelineEvent {
  const withJob = cancellation.closedWithJob
  return {
    ...line(
      {
        id: `${request.id}:cancelled`,
        // An old row lacks when it was closed: the line then stands at when it was asked for.
        at: cancellation.at ?? request.at,
        actorName: cancellation.byName,
        note: cancellation.reason
      },
      withJob === null ? 'part_request_cancelled' : 'part_request_withdrawn'
    ),
    toStatus: withJob,
    part
  }
}
