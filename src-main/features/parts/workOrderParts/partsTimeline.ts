import type { Db } from '../../../db/connection'
import type { TimelineEvent, TimelinePart } from '../../../../src-shared/contract'
import type { WorkOrderStatus } from '../../../../src-shared/domain/workOrderStatus'

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
      'r.closedAt',
      'c.displayName as cancelledByName',
      'r.closedWithJob',
      'r.cancelReason',
      'w.closeReason'
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
    ...requests
      .filter((request) => request.status === 'cancelled')
      .map((request) => cancelled(request, requested(request))),
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

interface CancelledRequest {
  id: string
  /** When it was asked for: the line's time if an old row lacks when it was closed. */
  at: string
  closedAt: string | null
  cancelledByName: string | null
  closedWithJob: string | null
  closeReason: string
  /** Why it was cancelled by hand (empty for one cancelled before reasons were kept). */
  cancelReason: string
}

/**
 * A cancelled request's line, at the moment it was cancelled: by hand (the technician or the
 * clerk), then with the reason they gave, or withdrawn as its job closed, then with the status the job closed to and its reason.
 */
function cancelled(request: CancelledRequest, part: TimelinePart): TimelineEvent {
  const withJob = request.closedWithJob as WorkOrderStatus | null
  return {
    ...line(
      {
        id: `${request.id}:cancelled`,
        at: request.closedAt ?? request.at,
        actorName: request.cancelledByName,
        note: withJob === null ? request.cancelReason : request.closeReason
      },
      withJob === null ? 'part_request_cancelled' : 'part_request_withdrawn'
    ),
    toStatus: withJob,
    part
  }
}
