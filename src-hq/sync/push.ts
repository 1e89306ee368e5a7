import { sql } from 'kysely'
import type { z } from 'zod'
import { pushedChange, pushRequest, type PushedChange, type pushResponse } from '../../src-shared/hq/protocol'
import type { HqContext } from '../context'
import type { HqDb } from '../db/connection'
import { HqError } from '../errors'
import { projectChanges } from './projections'

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
  refuseChangesHqCannotTake(request.changes)
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

/** A change HQ cannot take, named for the shop: it sets exactly these aside and sends the rest. */
interface RefusedChange {
  changeId: string
  field: string
}

/** Why HQ cannot take a change at all, whatever else the batch holds: its shape, or a time it cannot read. */
function refusalOf(change: unknown): string | null {
  const parsed = pushedChange.safeParse(change)
  if (!parsed.success) return parsed.error.issues[0]?.path.join('.') ?? ''
  return Number.isNaN(Date.parse(parsed.data.at)) ? 'at' : null
}

/**
 * Refuses the batch, applying none of it, when any change in it cannot be taken, and names every
 * such change (`refusedChanges`, in the batch's order; `changeId` and `field` the first's): the
 * shop keeps those aside and sends the others again as a new batch. A change without a readable
 * id cannot be named, so the batch is refused as a whole, as a malformed request is.
 */
function refuseChangesHqCannotTake(changes: readonly unknown[]): void {
  const refused: RefusedChange[] = []
  let unnamed: string | null = null
  changes.forEach((change, index) => {
    const field = refusalOf(change)
    if (field === null) return
    const id = (change as { id?: unknown } | null)?.id
    if (pushedChange.shape.id.safeParse(id).success) refused.push({ changeId: id as string, field })
    else unnamed ??= `changes.${index}.${field}`
  })
  if (unnamed !== null) throw new HqError('VALIDATION', 'hqErrors.VALIDATION', { field: unnamed })
  if (refused.length === 0) return
  const [first] = refused as [RefusedChange]
  throw new HqError('VALIDATION', 'hqErrors.VALIDATION', {
    field: first.field,
    changeId: first.changeId,
    refusedChanges: refused
  })
}

/**
 * The push request checked against the protocol, with every change the schema refuses named
 * (`refuseChangesHqCannotTake`) rather than only the request's first fault.
 */
export function parsePushRequest(body: unknown): z.infer<typeof pushRequest> {
  const parsed = pushRequest.safeParse(body)
  if (parsed.success) return parsed.data
  const changes = (body as { changes?: unknown } | null)?.changes
  const aboutChangesOnly = parsed.error.issues.every((issue) => issue.path[0] === 'changes' && issue.path.length > 2)
  if (Array.isArray(changes) && aboutChangesOnly) refuseChangesHqCannotTake(changes)
  const issue = parsed.error.issues[0]
  throw new HqError('VALIDATION', 'hqErrors.VALIDATION', { field: issue?.path.join('.') ?? '' })
}

/**
 * Records the change ids; answers the changes not applied before, in the batch's order. One
 * statement over an array: a VALUES list of thousands of parameters cost PostgreSQL more to parse
 * and plan than to run.
 */
async function rememberChanges(
  trx: HqDb,
  shopId: string,
  batchId: string,
  changes: readonly PushedChange[]
): Promise<PushedChange[]> {
  const unique = [...new Map(changes.map((change) => [change.id, change])).values()]
  if (unique.length === 0) return []
  const { rows } = await sql<{ changeId: string }>`
    INSERT INTO applied_changes (shop_id, change_id, batch_id)
    SELECT ${shopId}, id, ${batchId} FROM unnest(${unique.map((change) => change.id)}::text[]) AS id
    ON CONFLICT (shop_id, change_id) DO NOTHING
    RETURNING change_id AS "changeId"
  `.execute(trx.withoutPlugins())
  const fresh = new Set(rows.map((row) => row.changeId))
  return unique.filter((change) => fresh.has(change.id))
}

/**
 * An escape jsonb refuses, as JSON.stringify writes it: the NUL character, and half of a surrogate
 * pair (an emoji cut in two; JSON.stringify escapes only unpaired halves). Only a real escape
 * counts: one preceded by an even number of backslashes, so text that spells `\\u0000` stays.
 */
const JSONB_REFUSED_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi

/**
 * JSON text PostgreSQL's jsonb accepts: SQLite text and the shop's outbox may hold a NUL character
 * or half an emoji, which jsonb refuses; one such character must not block a shop's sync for
 * ever, so it becomes U+FFFD.
 */
export function jsonbText(value: unknown): string {
  return JSON.stringify(value ?? null).replace(JSONB_REFUSED_ESCAPE, '$1\\ufffd')
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
  // The records travel as one JSON document that PostgreSQL takes apart itself, each payload
  // parsed once, straight into jsonb.
  const records = [...latest.values()].map((change) => ({
    entity: change.entity,
    entity_id: change.entityId,
    deleted: change.operation === 'delete',
    payload: change.operation === 'delete' ? null : (change.payload ?? null),
    at: change.at,
    change_id: change.id
  }))
  await sql`
    INSERT INTO shop_records (shop_id, entity, entity_id, deleted, payload, at, change_id, received_at)
    SELECT ${shopId}, r.entity, r.entity_id, r.deleted, r.payload, r.at, r.change_id, ${receivedAt}
    FROM jsonb_to_recordset(${jsonbText(records)}::jsonb)
      AS r(entity text, entity_id text, deleted boolean, payload jsonb, at timestamptz, change_id text)
    ON CONFLICT (shop_id, entity, entity_id) DO UPDATE SET deleted = excluded.deleted, payload = excluded.payload,
      at = excluded.at, change_id = excluded.change_id, received_at = excluded.received_at
    WHERE (excluded.at, excluded.change_id) > (shop_records.at, shop_records.change_id)
  `.execute(trx.withoutPlugins())
}
