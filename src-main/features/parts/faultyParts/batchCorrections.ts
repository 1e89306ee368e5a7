import type { Db } from '../../../db/connection'
import { AppError, type CurrentUser, type ParsedInput } from '../../../../src-shared/contract'
import { getBatch, recordBatchChange } from './faultyParts'

/**
 * A return batch packed wrongly is put right before it leaves the shop: a part taken out, or the
 * whole batch undone. Its parts are owed again (待返还) and can be packed anew. Once shipped the
 * parts have left, and the batch is what the courier carries: nothing comes out of it.
 */

/**
 * The batch, refused unless it is still packed (not shipped, not credited) and HQ has not said it
 * received it: a box that left without 发货 being pressed is at HQ all the same, and its parts are
 * no longer the shop's to pack again.
 */
async function packedBatch(trx: Db, batchId: string) {
  const batch = await trx.selectFrom('returnBatches').selectAll().where('id', '=', batchId).executeTakeFirst()
  if (!batch) throw new AppError('NOT_FOUND')
  if (batch.status !== 'packed')
    throw new AppError('INVALID_TRANSITION', 'errors.batchStep', { from: batch.status, to: 'awaiting' })
  const atHq = await trx
    .selectFrom('hqReturnBatchStatus')
    .select('status')
    .where('batchId', '=', batchId)
    .executeTakeFirst()
  if (atHq) throw new AppError('INVALID_TRANSITION', 'errors.batchAtHq', { hqStatus: atHq.status })
  return batch
}

/** The batch's parts owed again, as they were before packing. */
async function unpack(trx: Db, at: Date, batchId: string, faultyPartIds: string[]): Promise<void> {
  await trx
    .updateTable('faultyParts')
    .set({ status: 'awaiting', batchId: null, updatedAt: at.toISOString() })
    .where('batchId', '=', batchId)
    .where('id', 'in', faultyPartIds)
    .execute()
}

/**
 * The batch is cancelled with all its parts taken out: never shipped, it was only a box at the
 * counter. It is kept, as cancelled with when and by whom, for its number may already be on a box
 * or in a message to the brand; the audit row says what was in it. HQ, which had it as packed,
 * gets it as cancelled with nothing in it (HQ keeps a record's latest state and refuses to receive
 * a cancelled batch). Its number is not given out again.
 */
async function withdraw(trx: Db, at: Date, actorId: string, batchId: string, itemIds: string[]) {
  const before = await trx.selectFrom('returnBatches').selectAll().where('id', '=', batchId).executeTakeFirstOrThrow()
  await unpack(trx, at, batchId, itemIds)
  await trx
    .updateTable('returnBatches')
    .set({ status: 'cancelled', cancelledBy: actorId, cancelledAt: at.toISOString() })
    .where('id', '=', batchId)
    .execute()
  await recordBatchChange(trx, at, actorId, 'faultyParts.cancelBatch', batchId, { ...before, items: itemIds })
  return before
}

async function itemIdsOf(trx: Db, batchId: string): Promise<string[]> {
  const rows = await trx.selectFrom('faultyParts').select('id').where('batchId', '=', batchId).execute()
  return rows.map((row) => row.id)
}

export async function takeOutOfBatch(db: Db, at: Date, actor: CurrentUser, input: ParsedInput<'faultyParts.takeOut'>) {
  const emptied = await db.transaction().execute(async (trx) => {
    const batch = await packedBatch(trx, input.batchId)
    const itemIds = await itemIdsOf(trx, input.batchId)
    if (!itemIds.includes(input.faultyPartId)) throw new AppError('NOT_FOUND')
    if (itemIds.length === 1) {
      await withdraw(trx, at, actor.id, input.batchId, itemIds)
      return true
    }
    await unpack(trx, at, input.batchId, [input.faultyPartId])
    await recordBatchChange(trx, at, actor.id, 'faultyParts.takeOut', input.batchId, {
      ...batch,
      items: itemIds,
      takenOut: input.faultyPartId
    })
    return false
  })
  return emptied ? null : getBatch(db, at, { id: input.batchId })
}

export async function cancelBatch(db: Db, at: Date, actor: CurrentUser, input: ParsedInput<'faultyParts.cancelBatch'>) {
  return db.transaction().execute(async (trx) => {
    await packedBatch(trx, input.batchId)
    const itemIds = await itemIdsOf(trx, input.batchId)
    const batch = await withdraw(trx, at, actor.id, input.batchId, itemIds)
    return { number: batch.number, items: itemIds.length }
  })
}
