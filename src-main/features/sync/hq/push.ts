import { createHash } from 'node:crypto'
import type { AppContext } from '../../../app/context'
import { pushResponse, type PushedChange } from '../../../../src-shared/hq/protocol'
import type { StuckPushBatch } from '../../../../src-shared/contract/sync'
import { callHq, HqCallError, type HqEndpoint } from './hqClient'
import { maskForHq } from './maskPersonalData'

/** Changes per batch: big enough to move a backlog fast, small enough to retry cheaply. */
export const PUSH_BATCH_SIZE = 2500

interface PendingBatch {
  batchId: string
  firstSeq: number
  lastSeq: number
}

interface OutboxDbRow {
  seq: number
  id: string
  at: string
  entity: string
  entity_id: string
  operation: string
  payload_json: string
}

/** The batch id follows from the rows it holds: the same rows give the same id, always. */
export function batchIdOf(outboxIds: readonly string[]): string {
  const hash = createHash('sha256')
  for (const id of outboxIds) hash.update(id).update('\n')
  return `ob1-${hash.digest('hex').slice(0, 40)}`
}

/**
 * The batch to send next: the one already written and not acknowledged (a retry after a time-out
 * or a crash sends exactly it again), else a new one of the oldest unsent rows, written down
 * before it is sent.
 */
async function nextBatch(app: AppContext, batchSize: number): Promise<PendingBatch | undefined> {
  return app.db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('hqPushBatches')
      .select(['batchId', 'firstSeq', 'lastSeq'])
      .where('ackedAt', 'is', null)
      .orderBy('firstSeq')
      .limit(1)
      .executeTakeFirst()
    if (pending) return pending
    const rows = await trx
      .selectFrom('outbox')
      .select(['seq', 'id'])
      .where('sentAt', 'is', null)
      .orderBy('seq')
      .limit(batchSize)
      .execute()
    if (rows.length === 0) return undefined
    const batch = { batchId: batchIdOf(rows.map((row) => row.id)), firstSeq: rows[0]!.seq, lastSeq: rows.at(-1)!.seq }
    await trx
      .insertInto('hqPushBatches')
      .values({ ...batch, changeCount: rows.length, createdAt: app.clock().toISOString(), ackedAt: null })
      .onConflict((conflict) => conflict.column('batchId').doUpdateSet({ ackedAt: null }))
      .execute()
    return batch
  })
}

function changesOf(app: AppContext, batch: PendingBatch): { changes: PushedChange[]; claimIds: string[] } {
  const rows = app.sqlite
    .prepare(
      `SELECT seq, id, at, entity, entity_id, operation, payload_json FROM outbox
       WHERE seq BETWEEN ? AND ? AND sent_at IS NULL ORDER BY seq`
    )
    .all(batch.firstSeq, batch.lastSeq) as OutboxDbRow[]
  const claimIds: string[] = []
  const changes = rows.map((row): PushedChange => {
    if (row.entity === 'warranty_claim') claimIds.push(row.entity_id)
    return {
      id: row.id,
      at: row.at,
      entity: row.entity,
      entityId: row.entity_id,
      operation: row.operation === 'delete' ? 'delete' : 'upsert',
      payload: maskForHq(row.entity, JSON.parse(row.payload_json))
    }
  })
  return { changes, claimIds }
}

/** HQ has the batch: its rows are sent, and the claims in it are now with HQ. One transaction. */
async function acknowledge(app: AppContext, batch: PendingBatch, claimIds: string[]): Promise<void> {
  const at = app.clock().toISOString()
  await app.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('outbox')
      .set({ sentAt: at })
      .where('seq', '>=', batch.firstSeq)
      .where('seq', '<=', batch.lastSeq)
      .where('sentAt', 'is', null)
      .execute()
    await trx.updateTable('hqPushBatches').set({ ackedAt: at }).where('batchId', '=', batch.batchId).execute()
    if (claimIds.length > 0) {
      await trx
        .updateTable('warrantyClaims')
        .set({ status: 'submitted' })
        .where('id', 'in', claimIds)
        .where('status', '=', 'open')
        .execute()
    }
  })
}

/**
 * HQ refused the batch (it will be sent again, unchanged, and refused again until HQ or the row
 * changes): what HQ said is kept on the batch, with the change it named, for the sync page.
 */
async function recordRefusal(app: AppContext, batch: PendingBatch, error: HqCallError): Promise<void> {
  const params = error.refusal?.params ?? {}
  const changeId = typeof params.changeId === 'string' ? params.changeId : null
  const named = Object.entries(params)
    .filter(([key]) => key !== 'changeId')
    .map(([key, value]) => ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  await app.db
    .updateTable('hqPushBatches')
    .set({ refusedAt: app.clock().toISOString(), refusal: error.message + named.join(''), refusedChangeId: changeId })
    .where('batchId', '=', batch.batchId)
    .execute()
}

/** A batch that fails now for another reason is no longer shown as refused for what it holds. */
async function clearRefusal(app: AppContext, batch: PendingBatch): Promise<void> {
  await app.db
    .updateTable('hqPushBatches')
    .set({ refusedAt: null, refusal: null, refusedChangeId: null })
    .where('batchId', '=', batch.batchId)
    .execute()
}

/**
 * The batch HQ keeps refusing, if any: its place in the outbox, and the change HQ named (else
 * the batch's first), in the words a manager can read out to HQ's support.
 */
export function stuckPushBatch(app: AppContext): StuckPushBatch | null {
  const batch = app.sqlite
    .prepare(
      `SELECT batch_id, first_seq, last_seq, change_count, refused_at, refusal, refused_change_id FROM hq_push_batches
       WHERE acked_at IS NULL AND refused_at IS NOT NULL ORDER BY first_seq LIMIT 1`
    )
    .get() as
    | {
        batch_id: string
        first_seq: number
        last_seq: number
        change_count: number
        refused_at: string
        refusal: string
        refused_change_id: string | null
      }
    | undefined
  if (!batch) return null
  const change = app.sqlite
    .prepare(
      `SELECT seq, id, entity, entity_id FROM outbox WHERE seq BETWEEN ? AND ?
       ORDER BY (id = ?) DESC, seq LIMIT 1`
    )
    .get(batch.first_seq, batch.last_seq, batch.refused_change_id ?? '') as
    { seq: number; id: string; entity: string; entity_id: string } | undefined
  return {
    batchId: batch.batch_id,
    firstSeq: batch.first_seq,
    lastSeq: batch.last_seq,
    changeCount: batch.change_count,
    refusedAt: batch.refused_at,
    refusal: batch.refusal,
    changeNamedByHq: batch.refused_change_id !== null && change?.id === batch.refused_change_id,
    change: change ? { seq: change.seq, id: change.id, entity: change.entity, entityId: change.entity_id } : null
  }
}

export interface PushOptions {
  batchSize?: number
  /** Called after each acknowledged batch with the changes sent so far in this run. */
  onProgress?: (sent: number) => void
}

/** Sends the whole outbox, batch by batch, until nothing is waiting. Returns the changes sent. */
export async function pushOutbox(app: AppContext, endpoint: HqEndpoint, options: PushOptions = {}): Promise<number> {
  let sent = 0
  for (;;) {
    const batch = await nextBatch(app, options.batchSize ?? PUSH_BATCH_SIZE)
    if (!batch) return sent
    const { changes, claimIds } = changesOf(app, batch)
    if (changes.length > 0) {
      try {
        await callHq(endpoint, 'push', { batchId: batch.batchId, changes }, pushResponse)
      } catch (error) {
        // Only HQ's refusal of what the batch holds names it as stuck; HQ's own failure or a proxy's
        // page in between passes, and says nothing about the batch.
        if (error instanceof HqCallError && error.refusal?.code === 'VALIDATION') await recordRefusal(app, batch, error)
        else await clearRefusal(app, batch)
        throw error
      }
    }
    await acknowledge(app, batch, claimIds)
    sent += changes.length
    options.onProgress?.(sent)
  }
}

/** Changes written at the shop and not yet acknowledged by HQ. */
export function changesWaiting(app: AppContext): number {
  return (app.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n
}
