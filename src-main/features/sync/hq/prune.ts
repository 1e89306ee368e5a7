import type { AppContext } from '../../../app/context'

/**
 * How long the shop keeps outbox rows (and push batches) after HQ acknowledged them. Nothing
 * reads an acknowledged row: the push takes unsent rows and unacknowledged batches only, HQ keeps
 * what it received, the audit log is a table of its own, and a backup holds its own outbox. Kept
 * half a year for whoever looks into a sync question with HQ's support.
 */
export const ACKNOWLEDGED_KEEP_DAYS = 180

/** Rows per delete: each its own short transaction, so the counter never waits behind a prune. */
export const PRUNE_CHUNK = 2000

const DAY_MS = 86_400_000

export interface PruneResult {
  outboxRows: number
  batches: number
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Deletes in chunks until none is left; each chunk one statement, its own transaction. */
async function deleteInChunks(app: AppContext, statement: string, cutoff: string, chunk: number): Promise<number> {
  const remove = app.sqlite.prepare(statement)
  let total = 0
  for (;;) {
    const { changes } = remove.run(cutoff, chunk)
    total += changes
    if (changes < chunk) return total
    await nextTurn()
  }
}

/**
 * Forgets outbox rows HQ acknowledged more than ACKNOWLEDGED_KEEP_DAYS ago, and the acknowledged
 * batches as old. An unsent row, or a batch not acknowledged, is never touched; `seq` is
 * AUTOINCREMENT, so a pruned number is never given again and no later batch can take an old id.
 */
export async function pruneAcknowledged(app: AppContext, now: Date, chunk = PRUNE_CHUNK): Promise<PruneResult> {
  const cutoff = new Date(now.getTime() - ACKNOWLEDGED_KEEP_DAYS * DAY_MS).toISOString()
  // Oldest first by seq: the rows sent longest ago lie at the start of the table.
  const outboxRows = await deleteInChunks(
    app,
    `DELETE FROM outbox WHERE seq IN (
       SELECT seq FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ? ORDER BY seq LIMIT ?)`,
    cutoff,
    chunk
  )
  const batches = await deleteInChunks(
    app,
    `DELETE FROM hq_push_batches WHERE batch_id IN (
       SELECT batch_id FROM hq_push_batches WHERE acked_at IS NOT NULL AND acked_at < ? ORDER BY first_seq LIMIT ?)`,
    cutoff,
    chunk
  )
  return { outboxRows, batches }
}
