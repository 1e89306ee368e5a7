import { sql } from 'kysely'
import type { z } from 'zod'
import type { PushedChange, pushRequest, pushResponse } from '../../src-shared/hq/protocol'
import type { HqContext } from '../context'
import type { HqDb } from '../db/connection'
import { HqError } from '../errors'
import { projectChanges } from './projections'

/** Rows per INSERT: far below PostgreSQL's 65 535 parameters at eight columns a row. */
const CHUNK = 1000

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Applies one batch of a shop's outbox exactly once, in one transaction:
 * - the batch id is recorded first; a batch id seen before is answered as a duplicate, its changes
 *   all known, so nothing is applied again (the shop lost HQ's first answer);
 * - every change id is recorded too, so a change that reaches HQ again inside a different batch
 *   (the shop re-cut its batches after a crash) is skipped;
 * - the remaining changes update the shop's records, latest wins by the change's time.
 * Killed mid-apply, the transaction rolls back and nothing of the batch is remembered: the shop,
 * which marks rows sent only on HQ's answer, sends it again.
 */
export async function applyPush(
  hq: HqContext,
  shopId: string,
  request: z.infer<typeof pushRequest>
): Promise<z.infer<typeof pushResponse>> {
  for (const change of request.changes) {
    if (Number.isNaN(Date.parse(change.at))) {
      throw new HqError('VALIDATION', 'hqErrors.VALIDATION', { field: 'at', changeId: change.id })
    }
  }
  const receivedAt = hq.now().toISOString()
  return hq.db.transaction().execute(async (trx) => {
    const batch = await trx
      .insertInto('pushedBatches')
      .values({
        shopId,
        batchId: request.batchId,
        changeCount: request.changes.length,
        appliedCount: 0,
        receivedAt
      })
      .onConflict((oc) => oc.columns(['shopId', 'batchId']).doNothing())
      .returning('batchId')
      .executeTakeFirst()
    // A replay applies nothing, since every change id in it is known. Should a shop ever reuse a
    // batch id for changes HQ has not seen, those are applied all the same rather than dropped.
    const fresh = await rememberChanges(trx, shopId, request.batchId, request.changes)
    if (fresh.length > 0) {
      await storeRecords(trx, shopId, fresh, receivedAt)
      await projectChanges(trx, shopId, fresh, receivedAt)
      await trx
        .updateTable('pushedBatches')
        .set((eb) => ({ appliedCount: eb('appliedCount', '+', fresh.length) }))
        .where('shopId', '=', shopId)
        .where('batchId', '=', request.batchId)
        .execute()
    }
    return { batchId: request.batchId, applied: fresh.length, duplicate: !batch }
  })
}

/** Records the change ids; answers the changes not applied before, in the batch's order. */
async function rememberChanges(
  trx: HqDb,
  shopId: string,
  batchId: string,
  changes: readonly PushedChange[]
): Promise<PushedChange[]> {
  const unique = [...new Map(changes.map((change) => [change.id, change])).values()]
  const fresh = new Set<string>()
  for (const part of chunks(unique)) {
    const inserted = await trx
      .insertInto('appliedChanges')
      .values(part.map((change) => ({ shopId, changeId: change.id, batchId })))
      .onConflict((oc) => oc.columns(['shopId', 'changeId']).doNothing())
      .returning('changeId')
      .execute()
    for (const row of inserted) fresh.add(row.changeId)
  }
  return unique.filter((change) => fresh.has(change.id))
}

/**
 * JSON text PostgreSQL's jsonb accepts: it refuses the NUL character, which SQLite text may hold;
 * one such character must not block a shop's sync for ever, so it becomes U+FFFD.
 */
export function jsonbText(value: unknown): string {
  return JSON.stringify(value ?? null).replaceAll('\\u0000', '\\ufffd')
}

/** Later first: by the change's time, then by its id (UUIDv7, in the order the shop made them). */
function isLater(a: PushedChange, b: PushedChange): boolean {
  const at = Date.parse(a.at) - Date.parse(b.at)
  return at !== 0 ? at > 0 : a.id > b.id
}

/**
 * The newest state of each record; an older change arriving late (a retried batch, a clock
 * corrected backwards) never overwrites a newer one.
 */
async function storeRecords(
  trx: HqDb,
  shopId: string,
  changes: readonly PushedChange[],
  receivedAt: string
): Promise<void> {
  const latest = new Map<string, PushedChange>()
  for (const change of changes) {
    const key = `${change.entity}\u0000${change.entityId}`
    const seen = latest.get(key)
    if (!seen || isLater(change, seen)) latest.set(key, change)
  }
  for (const part of chunks([...latest.values()])) {
    await trx
      .insertInto('shopRecords')
      .values(
        part.map((change) => ({
          shopId,
          entity: change.entity,
          entityId: change.entityId,
          deleted: change.operation === 'delete',
          payload: change.operation === 'delete' ? null : jsonbText(change.payload),
          at: change.at,
          changeId: change.id,
          receivedAt
        }))
      )
      .onConflict((oc) =>
        oc
          .columns(['shopId', 'entity', 'entityId'])
          .doUpdateSet({
            deleted: (eb) => eb.ref('excluded.deleted'),
            payload: (eb) => eb.ref('excluded.payload'),
            at: (eb) => eb.ref('excluded.at'),
            changeId: (eb) => eb.ref('excluded.changeId'),
            receivedAt: (eb) => eb.ref('excluded.receivedAt')
          })
          .where(sql<boolean>`(excluded.at, excluded.change_id) > (shop_records.at, shop_records.change_id)`)
      )
      .execute()
  }
}
