import type { Db } from '../../db/connection'
import type { TimelineEvent } from '../../../src-shared/contract'
import { workOrderPorts } from './ports'

/**
 * The work order's whole story, oldest first: the lines the kernel wrote (check-in, status moves,
 * diagnosis, the quote and each answer to it) and, from the parts ledger, every part asked for,
 * issued and returned, and every request cancelled. The parts are read from the records the warehouse keeps rather than copied
 * into the timeline, so jobs from before this view tell their parts too.
 */
export async function loadTimeline(db: Db, workOrderId: string): Promise<TimelineEvent[]> {
  const written = await db
    .selectFrom('workOrderEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    // A quote is made in the same instant as its timeline line: that instant finds its amounts.
    .leftJoin('quotes as q', (join) =>
      join.onRef('q.workOrderId', '=', 'e.workOrderId').onRef('q.createdAt', '=', 'e.at').on('e.kind', '=', 'quoted')
    )
    .select([
      'e.id',
      'e.at',
      'u.displayName as actorName',
      'e.kind',
      'e.fromStatus',
      'e.toStatus',
      'e.note',
      'q.labourFen',
      'q.partsFen',
      'q.discountFen',
      'q.totalFen',
      'q.managerApproval',
      'q.note as quoteNote'
    ])
    .where('e.workOrderId', '=', workOrderId)
    .execute()
  const events: TimelineEvent[] = written.map(
    ({ labourFen, partsFen, discountFen, totalFen, managerApproval, quoteNote, ...event }) => ({
      ...event,
      quote:
        managerApproval === null
          ? null
          : {
              labourFen: labourFen ?? 0,
              partsFen: partsFen ?? 0,
              discountFen: discountFen ?? 0,
              totalFen: totalFen ?? 0,
              managerRequired: managerApproval !== 'not_required',
              note: quoteNote ?? ''
            },
      part: null
    })
  )
  const parts = await workOrderPorts().partsTimelineOf(db, workOrderId)
  // In one instant the kernel's line comes first and the parts that followed from it after (a
  // job's closing, then its parts returned and its requests withdrawn); ids are time-ordered
  // (UUIDv7), so they settle the order of the lines one side wrote in the same instant.
  const lines = [...events.map((event) => ({ event, side: 0 })), ...parts.map((event) => ({ event, side: 1 }))]
  return lines
    .sort((a, b) => compare(a.event.at, b.event.at) || a.side - b.side || compare(a.event.id, b.event.id))
    .map(({ event }) => event)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
