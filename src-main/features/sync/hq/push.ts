import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { AppContext } from '../../../app/context'
import { pushResponse, type PushedChange } from '../../../../src-shared/hq/protocol'
import type { StuckPushBatch } from '../../../../src-shared/contract/sync'
import { callHq, HqCallError, type HqEndpoint } from './hqClient'
import { maskForHq } from './maskPersonalData'
import { HELD_BATCH, mayGo, waitingRecords, type QueuedChange } from './held'

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
 * or a crash sends exactly it again), else a new one of the oldest unsent rows that may go now
 * (none held, none behind a held change of its record: `held.ts`), written down before it is sent.
 */
async function nextBatch(app: AppContext, batchSize: number): Promise<PendingBatch | undefined> {
  return app.db.transaction().execute(async (trx) => {
    const pending = app.sqlite
      .prepare(
        `SELECT batch_id AS batchId, first_seq AS firstSeq, last_seq AS lastSeq FROM hq_push_batches
         WHERE acked_at IS NULL AND NOT (${HELD_BATCH}) ORDER BY first_seq LIMIT 1`
      )
      .get() as PendingBatch | undefined
    if (pending) return pending
    const rows = newBatchRows(app, batchSize)
    if (rows.length === 0) return undefined
    const batch = { batchId: batchIdOf(rows.map((row) => row.id)), firstSeq: rows[0]!.seq, lastSeq: rows.at(-1)!.seq }
    await trx
      .insertInto('hqPushBatches')
      .values({ ...batch, changeCount: rows.length, createdAt: app.clock().toISOString(), ackedAt: null })
      .onConflict((conflict) =>
        conflict.column('batchId').doUpdateSet({ ackedAt: null, refusedAt: null, refusal: null, refusedChangeId: null })
      )
      .execute()
    return batch
  })
}

/** The oldest unsent rows that may go now, up to a batch's size. */
function newBatchRows(app: AppContext, batchSize: number): { seq: number; id: string }[] {
  const waiting = waitingRecords(app, 0)
  if (waiting.size === 0) {
    return app.sqlite
      .prepare('SELECT seq, id FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?')
      .all(batchSize) as { seq: number; id: string }[]
  }
  const rows: { seq: number; id: string }[] = []
  const queued = app.sqlite
    .prepare('SELECT seq, id, entity, entity_id FROM outbox WHERE sent_at IS NULL ORDER BY seq')
    .iterate() as IterableIterator<QueuedChange & { id: string }>
  for (const row of queued) {
    if (!mayGo(waiting, row)) continue
    rows.push({ seq: row.seq, id: row.id })
    if (rows.length === batchSize) break
  }
  return rows
}

interface BatchChanges {
  changes: PushedChange[]
  /** The outbox rows sent, marked sent on HQ's acknowledgement: only these. */
  seqs: number[]
  claimIds: string[]
}

/** The batch's unsent rows, but those held or behind a held change of their record. */
function changesOf(app: AppContext, batch: PendingBatch): BatchChanges {
  const waiting = waitingRecords(app, batch.firstSeq)
  const rows = (
    app.sqlite
      .prepare(
        `SELECT seq, id, at, entity, entity_id, operation, payload_json FROM outbox
         WHERE seq BETWEEN ? AND ? AND sent_at IS NULL ORDER BY seq`
      )
      .all(batch.firstSeq, batch.lastSeq) as OutboxDbRow[]
  ).filter((row) => waiting.size === 0 || mayGo(waiting, row))
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
  return { changes, seqs: rows.map((row) => row.seq), claimIds }
}

/** HQ has the batch: its rows are sent, and the claims in it are now with HQ. One transaction. */
async function acknowledge(app: AppContext, batch: PendingBatch, sent: BatchChanges): Promise<void> {
  const at = app.clock().toISOString()
  const { claimIds } = sent
  await app.db.transaction().execute(async (trx) => {
    // Exactly the rows sent: a held change sent again meanwhile by a manager went in no batch yet.
    await sql`UPDATE outbox SET sent_at = ${at} WHERE sent_at IS NULL
      AND seq IN (SELECT value FROM json_each(${JSON.stringify(sent.seqs)}))`.execute(trx)
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
  await app.db
    .updateTable('hqPushBatches')
    .set({ refusedAt: app.clock().toISOString(), refusal: refusalText(error, params), refusedChangeId: changeId })
    .where('batchId', '=', batch.batchId)
    .execute()
}

/** What HQ said, as it said it: `CODE: key field=…`, without the change ids (named apart). */
function refusalText(error: HqCallError, params: Record<string, unknown>): string {
  const named = Object.entries(params)
    .filter(([key]) => key !== 'changeId' && key !== 'refusedChanges')
    .map(([key, value]) => ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  return error.message + named.join('')
}

/**
 * The changes of the batch HQ named as the ones it cannot take, each with the field it named:
 * `refusedChanges` (every one, from an HQ that names them all), else the one `changeId`.
 */
function namedChanges(error: HqCallError, changes: readonly PushedChange[]): { id: string; field: unknown }[] {
  const params = error.refusal?.params ?? {}
  const listed = Array.isArray(params.refusedChanges)
    ? (params.refusedChanges as { changeId?: unknown; field?: unknown }[]).map((named) => ({
        id: named?.changeId,
        field: named?.field
      }))
    : [{ id: params.changeId, field: params.field }]
  const inBatch = new Set(changes.map((change) => change.id))
  return listed.filter((named): named is { id: string; field: unknown } => inBatch.has(named.id as string))
}

/**
 * HQ refused the batch for the changes it named, and applied none of it: those changes are set
 * aside, each as a batch of its own that stays refused (`held.ts`) with HQ's words, and the
 * batch is dropped from the plan (HQ holds nothing of it), so its other changes go in the next
 * batch, each record's later changes waiting behind its held one. One transaction.
 */
async function setAside(
  app: AppContext,
  batch: PendingBatch,
  sent: BatchChanges,
  named: { id: string; field: unknown }[],
  error: HqCallError
): Promise<void> {
  const at = app.clock().toISOString()
  const seqOf = new Map(sent.changes.map((change, index) => [change.id, sent.seqs[index]!]))
  const params = error.refusal?.params ?? {}
  await app.db.transaction().execute(async (trx) => {
    const heldIds: string[] = []
    for (const { id, field } of named) {
      const seq = seqOf.get(id)!
      const held = {
        batchId: batchIdOf([id]),
        refusedAt: at,
        refusal: refusalText(error, { ...params, field }),
        refusedChangeId: id
      }
      heldIds.push(held.batchId)
      await trx
        .insertInto('hqPushBatches')
        .values({ ...held, firstSeq: seq, lastSeq: seq, changeCount: 1, createdAt: at, ackedAt: null })
        .onConflict((conflict) =>
          conflict
            .column('batchId')
            .doUpdateSet({ refusedAt: held.refusedAt, refusal: held.refusal, refusedChangeId: id })
        )
        .execute()
    }
    if (!heldIds.includes(batch.batchId)) {
      await trx.deleteFrom('hqPushBatches').where('batchId', '=', batch.batchId).execute()
    }
  })
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
       WHERE acked_at IS NULL AND refused_at IS NOT NULL AND NOT (${HELD_BATCH}) ORDER BY first_seq LIMIT 1`
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
    const batchChanges = changesOf(app, batch)
    const { changes } = batchChanges
    if (changes.length > 0) {
      try {
        await callHq(endpoint, 'push', { batchId: batch.batchId, changes }, pushResponse)
      } catch (error) {
        // Only HQ's refusal of what the batch holds names it as refused; HQ's own failure or a
        // proxy's page in between passes, and says nothing about the batch. Refused for changes
        // HQ named, those are set aside and the rest goes on; refused for nothing it named, the
        // batch is stuck until HQ's support helps.
        if (!(error instanceof HqCallError && error.refusal?.code === 'VALIDATION')) {
          await clearRefusal(app, batch)
          throw error
        }
        const named = namedChanges(error, changes)
        if (named.length === 0) {
          await recordRefusal(app, batch, error)
          throw error
        }
        await setAside(app, batch, batchChanges, named, error)
        continue
      }
    }
    await acknowledge(app, batch, batchChanges)
    sent += changes.length
    options.onProgress?.(sent)
  }
}

/** Changes written at the shop and not yet acknowledged by HQ (those held among them). */
export function changesWaiting(app: AppContext): number {
  return (app.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n
}
