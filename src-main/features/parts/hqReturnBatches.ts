import type { PulledTableApplier } from '../sync/hq/pulledTables'

/**
 * HQ's receipt of the shop's faulty-part return batches. HQ's word is kept as it came; a batch
 * HQ credited is credited at the shop too (with its parts), as the manager's credit entry did.
 */
export const applyReturnBatchStatus: PulledTableApplier<'returnBatchStatus'> = ({ sqlite, at }, changes) => {
  const nowIso = at.toISOString()
  const known = sqlite.prepare('SELECT 1 FROM return_batches WHERE id = ?').pluck()
  const upsert = sqlite.prepare(
    `INSERT INTO hq_return_batch_status (batch_id, status, credited_fen, credit_reference, at, received_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (batch_id) DO UPDATE SET status = excluded.status, credited_fen = excluded.credited_fen,
       credit_reference = excluded.credit_reference, at = excluded.at, received_at = excluded.received_at`
  )
  const creditBatch = sqlite.prepare(
    `UPDATE return_batches SET status = 'credited', credit_reference = ?, credited_at = ?
     WHERE id = ? AND status IN ('packed', 'shipped')`
  )
  const creditParts = sqlite.prepare(
    `UPDATE faulty_parts SET status = 'credited', updated_at = ? WHERE batch_id = ? AND status IN ('packed', 'shipped')`
  )
  for (const change of changes) {
    if (change.operation === 'delete' || !known.get(change.key)) continue
    const status = change.row
    upsert.run(status.batchId, status.status, status.creditedFen, status.creditReference, status.at, nowIso)
    if (status.status === 'credited') {
      const moved = creditBatch.run(status.creditReference, status.at, status.batchId).changes
      if (moved > 0) creditParts.run(nowIso, status.batchId)
    }
  }
}
