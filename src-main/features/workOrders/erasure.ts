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
    const events = await trx
      .selectFrom('workOrderEvents')
      .select(['id', 'note'])
      .where('workOrderId', '=', order.id)
      .execute()
    for (const event of events) {
      const note = redact(event.note)
      if (note !== event.note)
        await trx.updateTable('workOrderEvents').set({ note }).where('id', '=', event.id).execute()
    }
    const quotes = await trx.selectFrom('quotes').select(['id', 'note']).where('workOrderId', '=', order.id).execute()
    for (const quote of quotes) {
      const note = redact(quote.note)
      if (note !== quote.note) await trx.updateTable('quotes').set({ note }).where('id', '=', quote.id).execute()
    }
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

/**
 * The rest of what staff typed on a job: labour lines, parts requests and the reason the device
 * went home unpaid. Only the person's name and phones are taken out; the work and money stay.
 */
async function redactTypedText(trx: Db, workOrderId: string, redact: Redactor): Promise<void> {
  const labour = await trx
    .selectFrom('workOrderLabour')
    .select(['id', 'description'])
    .where('workOrderId', '=', workOrderId)
    .execute()
  for (const line of labour) {
    const description = redact(line.description)
    if (description !== line.description)
      await trx.updateTable('workOrderLabour').set({ description }).where('id', '=', line.id).execute()
  }
  const requests = await trx
    .selectFrom('workOrderPartRequests')
    .select(['id', 'note'])
    .where('workOrderId', '=', workOrderId)
    .execute()
  for (const request of requests) {
    const note = redact(request.note)
    if (note !== request.note)
      await trx.updateTable('workOrderPartRequests').set({ note }).where('id', '=', request.id).execute()
  }
  const handOvers = await trx
    .selectFrom('unpaidHandOvers')
    .select(['id', 'reason'])
    .where('workOrderId', '=', workOrderId)
    .execute()
  for (const handOver of handOvers) {
    const reason = redact(handOver.reason)
    if (reason !== handOver.reason)
      await trx.updateTable('unpaidHandOvers').set({ reason }).where('id', '=', handOver.id).execute()
  }
}
