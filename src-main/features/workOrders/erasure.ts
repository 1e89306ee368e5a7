import type { Db } from '../../db/connection'
import { redactJson, type Redactor } from '../../../src-shared/domain/redaction'
import { enqueueOutbox } from '../sync/outbox'
import { workOrderRecord } from './records'

/**
 * A customer's jobs once the customer is erased: the jobs stay (they carry the money and the
 * repair history), but the personal text on them goes. The device passcode and the customer's
 * own note are cleared; the name and phones are taken out of every other text the counter or
 * bench typed. The job keeps its updated_at: closed ones measure their age by it. HQ receives
 * the redacted jobs. Returns the jobs' ids. Call inside the erasure's transaction.
 */
export async function eraseFromWorkOrders(
  trx: Db,
  at: Date,
  customerIds: readonly string[],
  redact: Redactor
): Promise<string[]> {
  if (customerIds.length === 0) return []
  const orders = await trx.selectFrom('workOrders').selectAll().where('customerId', 'in', customerIds).execute()
  for (const order of orders) {
    const redacted = {
      passcode: null,
      customerNote: '',
      reportedFault: redact(order.reportedFault),
      diagnosis: redact(order.diagnosis),
      internalNote: redact(order.internalNote),
      closeReason: redact(order.closeReason),
      conditionJson: redactJson(order.conditionJson, redact),
      accessoriesJson: redactJson(order.accessoriesJson, redact)
    }
    await trx.updateTable('workOrders').set(redacted).where('id', '=', order.id).execute()
    await redactTypedText(trx, order.id, redact)
    await enqueueOutbox(trx, at, {
      entity: 'work_order',
      entityId: order.id,
      operation: 'upsert',
      payload: await workOrderRecord(trx, { ...order, ...redacted })
    })
  }
  return orders.map((order) => order.id)
}

/** One text column of some rows, as read with the row's id. */
export interface TypedText {
  id: string
  text: string
}

/**
 * Redacts each row's text and saves the ones that changed: a row that never mentioned the person
 * is left alone (and its triggers unfired).
 */
export async function redactRows(
  rows: readonly TypedText[],
  redact: Redactor,
  save: (id: string, text: string) => Promise<unknown>
): Promise<void> {
  for (const row of rows) {
    const text = redact(row.text)
    if (text !== row.text) await save(row.id, text)
  }
}

/**
 * What the counter and bench typed on a job besides the job itself: its timeline notes, quotes,
 * labour lines, parts requests and the reason the device went home unpaid. Only the person is
 * taken out; the work and money stay.
 */
async function redactTypedText(trx: Db, workOrderId: string, redact: Redactor): Promise<void> {
  await redactRows(
    await trx
      .selectFrom('workOrderEvents')
      .select(['id', 'note as text'])
      .where('workOrderId', '=', workOrderId)
      .execute(),
    redact,
    (id, note) => trx.updateTable('workOrderEvents').set({ note }).where('id', '=', id).execute()
  )
  await redactRows(
    await trx.selectFrom('quotes').select(['id', 'note as text']).where('workOrderId', '=', workOrderId).execute(),
    redact,
    (id, note) => trx.updateTable('quotes').set({ note }).where('id', '=', id).execute()
  )
  await redactRows(
    await trx
      .selectFrom('workOrderLabour')
      .select(['id', 'description as text'])
      .where('workOrderId', '=', workOrderId)
      .execute(),
    redact,
    (id, description) => trx.updateTable('workOrderLabour').set({ description }).where('id', '=', id).execute()
  )
  await redactRows(
    await trx
      .selectFrom('workOrderPartRequests')
      .select(['id', 'note as text'])
      .where('workOrderId', '=', workOrderId)
      .execute(),
    redact,
    (id, note) => trx.updateTable('workOrderPartRequests').set({ note }).where('id', '=', id).execute()
  )
  await redactRows(
    await trx
      .selectFrom('unpaidHandOvers')
      .select(['id', 'reason as text'])
      .where('workOrderId', '=', workOrderId)
      .execute(),
    redact,
    (id, reason) => trx.updateTable('unpaidHandOvers').set({ reason }).where('id', '=', id).execute()
  )
}
