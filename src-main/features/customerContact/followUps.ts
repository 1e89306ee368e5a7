import type { Db } from '../../db/connection'
import {
  AppError,
  fieldError,
  type CallResult,
  type CurrentUser,
  type FollowUp,
  type Page,
  type ParsedInput
} from '../../../src-shared/contract'
import { followUpStatusAfterCall, isSatisfied } from '../../../src-shared/domain/customerContact'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { recordAudit } from '../audit/record'
import { readShopTimeZone } from '../settings/service'
import { enqueueOutbox } from '../sync/outbox'
import type { ClosedWorkOrder } from '../workOrders/ports'
import { insertComplaint, loadComplaint } from './complaints'
import { readContactSettings } from './contactSettings'
import { followUpFromRow, followUpQuery } from './followUpRows'

/** A calendar day `days` after `date` (both YYYY-MM-DD). */
export function calendarDayPlus(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + days)
  return day.toISOString().slice(0, 10)
}

/**
 * Plugged into the kernel's close hooks (features/wiring.ts): a job that is picked up gets its
 * follow-up call, due the shop's number of days later, in the pick-up's own transaction.
 */
export async function openFollowUpOfPickedUpOrder(trx: Db, closed: ClosedWorkOrder): Promise<void> {
  if (closed.to !== 'picked_up') return
  const timeZone = await readShopTimeZone(trx)
  const { followUpDays } = await readContactSettings(trx)
  await trx
    .insertInto('followUps')
    .values({
      id: uuidv7(closed.at.getTime()),
      workOrderId: closed.workOrderId,
      dueDate: calendarDayPlus(shopLocalDate(closed.at, timeZone), followUpDays),
      status: 'open',
      attempts: 0,
      reached: null,
      attitude: null,
      speed: null,
      quality: null,
      price: null,
      comment: '',
      calledBy: null,
      calledAt: null,
      createdAt: closed.at.toISOString()
    })
    .onConflict((oc) => oc.column('workOrderId').doNothing())
    .execute()
}

/** "due": open calls due today or earlier, oldest first; "done": answered or given up, newest first. */
export async function listFollowUps(
  db: Db,
  now: Date,
  input: ParsedInput<'customerContact.followUps'>
): Promise<Page<FollowUp>> {
  const today = shopLocalDate(now, await readShopTimeZone(db))
  let query = followUpQuery(db)
  if (input.status === 'due') query = query.where('f.status', '=', 'open').where('f.dueDate', '<=', today)
  if (input.status === 'done') query = query.where('f.status', '<>', 'open')
  const ordered =
    input.status === 'due'
      ? query.orderBy('f.dueDate').orderBy('f.id')
      : query.orderBy('f.calledAt', 'desc').orderBy('f.id', 'desc')
  const rows = await ordered
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute()
  let counted = db.selectFrom('followUps as f').select((eb) => eb.fn.countAll<number>().as('n'))
  if (input.status === 'due') counted = counted.where('f.status', '=', 'open').where('f.dueDate', '<=', today)
  if (input.status === 'done') counted = counted.where('f.status', '<>', 'open')
  const { n } = await counted.executeTakeFirstOrThrow()
  return { rows: rows.map((row) => followUpFromRow(row, today)), total: Number(n) }
}

/**
 * The caller's answer: reached or not, the four scores, a comment. A reached customer whose
 * average is below the satisfied mark, or who complained on the phone, gets a complaint case.
 */
export async function recordCall(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'customerContact.recordCall'>
): Promise<CallResult> {
  // A reached customer who gave no scores is not a satisfied one: nothing may stand in for them.
  if (input.reached && input.scores === null) throw fieldError('scores', 'validation.scoresRequired')
  const timeZone = await readShopTimeZone(db)
  const complaintId = await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('followUps').selectAll().where('id', '=', input.followUpId).executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', 'errors.followUpNotFound')
    if (before.status !== 'open') throw new AppError('CONFLICT', 'errors.followUpClosed')
    const scores = input.reached ? input.scores : null
    const after = {
      status: followUpStatusAfterCall(input.reached, before.attempts),
      attempts: before.attempts + 1,
      reached: input.reached ? 1 : 0,
      attitude: scores?.attitude ?? null,
      speed: scores?.speed ?? null,
      quality: scores?.quality ?? null,
      price: scores?.price ?? null,
      comment: input.comment,
      calledBy: actor.id,
      calledAt: at.toISOString()
    }
    await trx.updateTable('followUps').set(after).where('id', '=', before.id).execute()
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'customerContact.recordCall',
      entity: 'follow_up',
      entityId: before.id,
      before,
      after
    })
    // Satisfaction is what the brand's service network is measured by: HQ gets the scores.
    await enqueueOutbox(trx, at, {
      entity: 'follow_up',
      entityId: before.id,
      operation: 'upsert',
      payload: { workOrderId: before.workOrderId, ...after, calledBy: undefined }
    })
    const dissatisfied = scores !== null && !isSatisfied(scores)
    if (!dissatisfied && input.complaint === '') return null
    const complaint = await insertComplaint(trx, at, actor, timeZone, {
      workOrderId: before.workOrderId,
      followUpId: before.id,
      source: 'follow_up',
      description: input.complaint || input.comment
    })
    return complaint.id
  })
  const today = shopLocalDate(at, timeZone)
  const row = await followUpQuery(db).where('f.id', '=', input.followUpId).executeTakeFirstOrThrow()
  return {
    followUp: followUpFromRow(row, today),
    complaint: complaintId ? await loadComplaint(db, complaintId) : null
  }
}
