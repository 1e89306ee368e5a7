import type { Db } from '../../db/connection'
import { ERASED_CUSTOMER_NAME } from '../../../src-shared/domain/erasedCustomer'
import { REDACTED, redactorOf, type Redactor } from '../../../src-shared/domain/redaction'
import { enqueueOutbox } from '../sync/outbox'
import { redactRows } from '../workOrders/erasure'

/** What the erasure around the jobs leaves for the audit trail and the outbox to forget. */
export interface ErasedAroundJobs {
  /** The follow-up calls and complaints: their audit and outbox rows are about the person too. */
  entityIds: string[]
  /** Takes out of a copy the person's own words as the calls and complaints held them, then their name and phones. */
  redact: Redactor
}

/**
 * The records the shop kept around an erased customer's jobs. What the person said goes: a
 * follow-up call's comment is cleared and a complaint's description replaced by the redaction
 * mark (its scores, status and history stay, so the satisfaction figures still add up). What
 * staff wrote about them (a complaint's notes) loses their words, name and phones. A restore's list
 * of dropped money names them as an erased customer. HQ gets the cleared calls, as it keeps the
 * comment. Call inside the erasure's transaction.
 */
export async function eraseAroundJobs(
  trx: Db,
  at: Date,
  jobIds: readonly string[],
  redact: Redactor
): Promise<ErasedAroundJobs> {
  if (jobIds.length === 0) return { entityIds: [], redact }
  const calls = await trx.selectFrom('followUps').selectAll().where('workOrderId', 'in', jobIds).execute()
  const complaints = await trx.selectFrom('complaints').selectAll().where('workOrderId', 'in', jobIds).execute()
  // Their words first, whole, before the name inside them is marked and they no longer match.
  const words = redactorOf([...calls.map((call) => call.comment), ...complaints.map((c) => c.description)])
  const redactAll: Redactor = (text) => redact(words(text))
  for (const call of calls.filter((candidate) => candidate.comment !== '')) {
    await trx.updateTable('followUps').set({ comment: '' }).where('id', '=', call.id).execute()
    // The call as recordCall sent it, without the comment.
    const { workOrderId, status, attempts, reached, attitude, speed, quality, price, calledAt } = call
    await enqueueOutbox(trx, at, {
      entity: 'follow_up',
      entityId: call.id,
      operation: 'upsert',
      payload: { workOrderId, status, attempts, reached, attitude, speed, quality, price, comment: '', calledAt }
    })
  }
  for (const complaint of complaints.filter((candidate) => candidate.description !== '')) {
    await trx.updateTable('complaints').set({ description: REDACTED }).where('id', '=', complaint.id).execute()
  }
  const complaintIds = complaints.map((complaint) => complaint.id)
  if (complaintIds.length > 0)
    await redactRows(
      await trx
        .selectFrom('complaintEvents')
        .select(['id', 'note as text'])
        .where('complaintId', 'in', complaintIds)
        .execute(),
      redactAll,
      (id, note) => trx.updateTable('complaintEvents').set({ note }).where('id', '=', id).execute()
    )
  const dropped = await trx
    .selectFrom('restoreDroppedMoney')
    .select(['id', 'dealtWithNote'])
    .where('workOrderId', 'in', jobIds)
    .execute()
  for (const record of dropped)
    await trx
      .updateTable('restoreDroppedMoney')
      .set({ customerName: ERASED_CUSTOMER_NAME, dealtWithNote: redact(record.dealtWithNote) })
      .where('id', '=', record.id)
      .execute()
  return { entityIds: [...calls.map((call) => call.id), ...complaintIds], redact: redactAll }
}
