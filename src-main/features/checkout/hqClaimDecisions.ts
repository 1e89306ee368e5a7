import type { PulledTableApplier } from '../sync/hq/pulledTables'

/**
 * HQ's decisions on the shop's warranty claims. The decision is kept as HQ sent it (a later one
 * replaces it: "more information" can become an approval); the claim's own status says rejected
 * when HQ rejected it, and stays with HQ (submitted) otherwise until it is paid.
 */
export const applyClaimDecisions: PulledTableApplier<'claimDecisions'> = ({ sqlite, at }, changes) => {
  const nowIso = at.toISOString()
  const known = sqlite.prepare('SELECT 1 FROM warranty_claims WHERE id = ?').pluck()
  const upsert = sqlite.prepare(
    `INSERT INTO hq_claim_decisions (claim_id, status, reason, approved_fen, decided_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (claim_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       approved_fen = excluded.approved_fen, decided_at = excluded.decided_at, received_at = excluded.received_at`
  )
  const follow = sqlite.prepare(
    `UPDATE warranty_claims SET status = ? WHERE id = ? AND status IN ('open', 'submitted', 'rejected')`
  )
  for (const change of changes) {
    if (change.operation === 'delete' || !known.get(change.key)) continue
    const decision = change.row
    upsert.run(decision.claimId, decision.status, decision.reason, decision.approvedFen, decision.decidedAt, nowIso)
    follow.run(decision.status === 'rejected' ? 'rejected' : 'submitted', decision.claimId)
  }
}
