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
  // Ids are time-ordered (UUIDv7), so they settle the order of lines written in the same instant,
  // except a cancelled request's line: it carries the request's older id, and it follows what
  // happened in its instant (a job's closing withdraws its requests).
  const afterItsInstant = (event: TimelineEvent) =>
    event.kind === 'part_request_cancelled' || event.kind === 'part_request_withdrawn' ? 1 : 0
  return [...events, ...parts].sort(
    (a, b) => compare(a.at, b.at) || afterItsInstant(a) - afterItsInstant(b) || compare(a.id, b.id)
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
