import type { HqContext } from '../context'
import { HqError } from '../errors'
import type { ReturnBatchAtHq } from '../contractOutputs'

export async function listReturnBatches(
  hq: HqContext,
  filter: { shopId?: string | undefined }
): Promise<ReturnBatchAtHq[]> {
  let query = hq.db.selectFrom('returnBatches as b').innerJoin('shops as s', 's.id', 'b.shopId')
  if (filter.shopId) query = query.where('b.shopId', '=', filter.shopId)
  const rows = await query.selectAll('b').select('s.name as shopName').orderBy('b.updatedAt', 'desc').execute()
  return rows.map((row) => ({
    shopId: row.shopId,
    shopName: row.shopName,
    batchId: row.batchId,
    number: row.number,
    shopStatus: row.shopStatus,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    items: row.items,
    shippedAt: row.shippedAt?.toISOString() ?? null,
    hqStatus: row.hqStatus,
    creditedFen: row.creditedFen,
    creditReference: row.creditReference,
    receivedAt: row.receivedAt?.toISOString() ?? null,
    creditedAt: row.creditedAt?.toISOString() ?? null
  }))
}

/**
 * The parcel arrived at HQ (received), then its parts were checked and the shop credited
 * (credited). Each step is written with the status row the batch's shop pulls.
 */
export async function advanceReturnBatch(
  hq: HqContext,
  input:
    | { step: 'receive'; shopId: string; batchId: string }
    | { step: 'credit'; shopId: string; batchId: string; creditedFen: number; creditReference: string }
): Promise<void> {
  const at = hq.now().toISOString()
  await hq.db.transaction().execute(async (trx) => {
    const batch = await trx
      .selectFrom('returnBatches')
      .select(['hqStatus', 'shopStatus'])
      .where('shopId', '=', input.shopId)
      .where('batchId', '=', input.batchId)
      .forUpdate()
      .executeTakeFirst()
    if (!batch) throw new HqError('NOT_FOUND')
    // A batch the shop undid before it shipped never left the shop: nothing arrives to receive or credit.
    if (batch.shopStatus === 'cancelled') throw new HqError('INVALID_TRANSITION', 'hqErrors.returnCancelled')
    const expected = input.step === 'receive' ? null : 'received'
    if (batch.hqStatus !== expected) {
      throw new HqError('INVALID_TRANSITION', 'hqErrors.returnStep', { status: batch.hqStatus ?? 'shipped' })
    }
    const status = input.step === 'receive' ? 'received' : 'credited'
    const credit =
      input.step === 'credit'
        ? { creditedFen: input.creditedFen, creditReference: input.creditReference }
        : { creditedFen: 0, creditReference: '' }
    await trx
      .updateTable('returnBatches')
      .set({ hqStatus: status, ...credit, ...(status === 'received' ? { receivedAt: at } : { creditedAt: at }) })
      .where('shopId', '=', input.shopId)
      .where('batchId', '=', input.batchId)
      .execute()
    const row = { status, ...credit, at } as const
    await trx
      .insertInto('returnBatchStatus')
      .values({ shopId: input.shopId, batchId: input.batchId, ...row })
      .onConflict((oc) => oc.columns(['shopId', 'batchId']).doUpdateSet(row))
      .execute()
  })
}
