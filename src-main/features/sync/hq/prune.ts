import type { AppContext } from '../../../app/context'

/**
 * How long the shop keeps outbox rows (and push batches) after HQ acknowledged them. Nothing
 * reads an acknowledged row: the push takes unsent rows and unacknowledged batches only, HQ keeps
 * what it received, the audit log is a table of its own, and a backup holds its own outbox. Kept
 * half a year for whoever looks into a sync question with HQ's support.
 */
export const ACKNOWLEDGED_KEEP_DAYS = 180

/**
 * Rows per delete: each its own short transaction. A delete reads only the rows it removes and the
 * first it keeps (see pruneAcknowledged), so a sync with nothing to prune costs one row's read.
 */
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
  // Rows are sent and acknowledged in seq order, so the prunable ones are the run at the start of
  // the table, up to the first row unsent or acknowledged since the cutoff: found by reading from
  // the start and stopping there (no index on sent_at, and no scan of the whole outbox per sync).
  const outboxRows = await deleteInChunks(
    app,
    `DELETE FROM outbox WHERE seq IN (
       SELECT seq FROM outbox
        WHERE seq < coalesce(
          (SELECT seq FROM outbox WHERE sent_at IS NULL OR sent_at >= ? ORDER BY seq LIMIT 1),
          9223372036854775807)
        ORDER BY seq LIMIT ?)`,
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
