import type { AppContext } from '../../../app/context'
import type { CurrentUser } from '../../../../src-shared/contract'
import { AppError } from '../../../../src-shared/contract'
import type { HeldChange } from '../../../../src-shared/contract/sync'
import { recordAudit } from '../../audit/record'

/**
 * A change HQ refused, set aside: a push batch of that one change, refused, naming it. It is
 * kept (in the outbox, unsent, never deleted) and not sent again until a manager says HQ has put
 * its side right (`sendHeldChangeAgain`); every later change of the same record waits behind it,
 * so HQ never gets a record's changes out of order. Everything else goes on being sent.
 */
export const HELD_BATCH = `acked_at IS NULL AND refused_at IS NOT NULL AND change_count = 1
  AND first_seq = last_seq AND refused_change_id IS NOT NULL`

/** An outbox row as the push reads it to decide whether it may go now. */
export interface QueuedChange {
  seq: number
  entity: string
  entity_id: string
}

const recordKey = (change: QueuedChange) => `${change.entity}\u0000${change.entity_id}`

/**
 * Which changes of a batch starting at `firstSeq` must wait: each record's first change that may
 * not go (a held change, or an unsent one before the batch, which goes first), so that change and
 * every later one of its record stay behind. Empty, the usual case, costs one index lookup.
 */
export function waitingRecords(app: AppContext, firstSeq: number): Map<string, number> {
  const blocking = app.sqlite
    .prepare(
      `SELECT seq, entity, entity_id FROM outbox WHERE sent_at IS NULL AND seq < ?
       UNION SELECT o.seq, o.entity, o.entity_id FROM hq_push_batches b JOIN outbox o ON o.seq = b.first_seq
       WHERE ${HELD_BATCH} AND o.sent_at IS NULL`
    )
    .all(firstSeq) as QueuedChange[]
  const from = new Map<string, number>()
  for (const change of blocking) {
    const key = recordKey(change)
    from.set(key, Math.min(from.get(key) ?? change.seq, change.seq))
  }
  return from
}

/** True when the change may go now: no earlier change of its record waits (nor is it held itself). */
export function mayGo(waiting: Map<string, number>, change: QueuedChange): boolean {
  const from = waiting.get(recordKey(change))
  return from === undefined || change.seq < from
}

interface HeldRow {
  batch_id: string
  seq: number
  id: string
  entity: string
  entity_id: string
  refused_at: string
  refusal: string
}

/** The changes set aside, oldest first, each with how many later changes of its record wait behind it. */
export function heldChanges(app: AppContext): { held: HeldChange[]; count: number } {
  const rows = app.sqlite
    .prepare(
      `SELECT b.batch_id, o.seq, o.id, o.entity, o.entity_id, b.refused_at, b.refusal
       FROM hq_push_batches b JOIN outbox o ON o.seq = b.first_seq
       WHERE ${HELD_BATCH} AND o.sent_at IS NULL ORDER BY o.seq`
    )
    .all() as HeldRow[]
  if (rows.length === 0) return { held: [], count: 0 }
  const held = rows.map((row): HeldChange => ({
    change: { seq: row.seq, id: row.id, entity: row.entity, entityId: row.entity_id },
    refusedAt: row.refused_at,
    refusal: row.refusal,
    behind: 0
  }))
  // A later change of a held record is counted behind the latest held change before it.
  const heldSeqs = new Set(rows.map((row) => row.seq))
  const byRecord = new Map<string, HeldChange[]>()
  for (const entry of held) {
    const key = recordKey({ seq: entry.change.seq, entity: entry.change.entity, entity_id: entry.change.entityId })
    byRecord.set(key, [...(byRecord.get(key) ?? []), entry])
  }
  const queued = app.sqlite
    .prepare(`SELECT seq, entity, entity_id FROM outbox WHERE sent_at IS NULL AND seq > ? ORDER BY seq`)
    .iterate(rows[0]!.seq) as IterableIterator<QueuedChange>
  let count = rows.length
  for (const change of queued) {
    if (heldSeqs.has(change.seq)) continue
    const before = byRecord.get(recordKey(change))?.filter((entry) => entry.change.seq < change.seq)
    if (!before || before.length === 0) continue
    before.at(-1)!.behind++
    count++
  }
  return { held, count }
}

/**
 * HQ says it has put its side right: the held change goes to HQ again with the next sync, before
 * the changes of its record that waited behind it. Refused again, it is set aside again.
 */
export async function sendHeldChangeAgain(
  app: AppContext,
  at: Date,
  actor: CurrentUser,
  changeId: string
): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    const held = app.sqlite
      .prepare(`SELECT batch_id, refusal FROM hq_push_batches WHERE ${HELD_BATCH} AND refused_change_id = ?`)
      .get(changeId) as { batch_id: string; refusal: string } | undefined
    if (!held) throw new AppError('NOT_FOUND', 'sync.notHeld')
    await trx
      .updateTable('hqPushBatches')
      .set({ refusedAt: null, refusal: null, refusedChangeId: null })
      .where('batchId', '=', held.batch_id)
      .execute()
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'sync.sendAgain',
      entity: 'outbox',
      entityId: changeId,
      before: { refusal: held.refusal }
    })
  })
}
