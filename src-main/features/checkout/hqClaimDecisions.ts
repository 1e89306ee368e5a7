import { uuidv7 } from '../../../src-shared/domain/ids'
import { latestPaidStepSql } from './claimPaid'
import type { PulledTableApplier } from '../sync/hq/pulledTables'

/**
 * HQ's decisions on the shop's warranty claims. The decision is kept as HQ sent it (a later one
 * replaces it: "more information" can become an approval); the claim's own status says rejected
 * when HQ rejected it, and stays with HQ (submitted) otherwise until HQ sends what the brand paid.
 * Then the claim is paid: its paid step is recorded as a manager's step records it for a shop
 * that files itself (the recorder left empty: the sync recorded it), so the claims list, the claim
 * sheet and the reports' 品牌实付 (migration 62's sums, moved by the step and the status) read the
 * amount the same way, and the audit log says it came with the sync. A payment HQ puts right is a
 * step of its own; the same payment pulled again records nothing.
 */
export const applyClaimDecisions: PulledTableApplier<'claimDecisions'> = ({ sqlite, at }, changes) => {
  const nowIso = at.toISOString()
  const claimOf = sqlite.prepare<[string], { status: string }>('SELECT status FROM warranty_claims WHERE id = ?')
  const upsert = sqlite.prepare(
    `INSERT INTO hq_claim_decisions (claim_id, status, reason, approved_fen, decided_at, received_at, paid_fen, paid_reference, paid_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (claim_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       approved_fen = excluded.approved_fen, decided_at = excluded.decided_at, received_at = excluded.received_at,
       paid_fen = excluded.paid_fen, paid_reference = excluded.paid_reference, paid_at = excluded.paid_at`
  )
  const follow = sqlite.prepare(
    `UPDATE warranty_claims SET status = ? WHERE id = ? AND status IN ('open', 'submitted', 'rejected')`
  )
  const lastPaid = sqlite.prepare<[string], number>(latestPaidStepSql('?')).pluck()
  const paidStep = sqlite.prepare(
    `INSERT INTO warranty_claim_steps (id, claim_id, status, paid_fen, note, recorded_by, recorded_at)
     VALUES (?, ?, 'paid', ?, ?, NULL, ?)`
  )
  // The step first, the status after: the status trigger then counts the amount recorded.
  const paid = sqlite.prepare(`UPDATE warranty_claims SET status = 'paid' WHERE id = ? AND status != 'paid'`)
  const audit = sqlite.prepare(
    `INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, before_json, after_json, desk_id)
     VALUES (?, ?, NULL, 'sync.claimPaid', 'warranty_claim', ?, ?, ?, NULL)`
  )
  for (const change of changes) {
    if (change.operation === 'delete') continue
    const claim = claimOf.get(change.key)
    if (!claim) continue
    const decision = change.row
    upsert.run(
      decision.claimId,
      decision.status,
      decision.reason,
      decision.approvedFen,
      decision.decidedAt,
      nowIso,
      decision.paidFen,
      decision.paidReference,
      decision.paidAt
    )
    const paidByHq = decision.status === 'approved' && decision.paidFen !== null
    if (!paidByHq) {
      follow.run(decision.status === 'rejected' ? 'rejected' : 'submitted', decision.claimId)
      continue
    }
    const alreadyPaid = claim.status === 'paid' ? lastPaid.get(decision.claimId) : undefined
    if (alreadyPaid === decision.paidFen) continue
    paidStep.run(uuidv7(at.getTime()), decision.claimId, decision.paidFen, decision.paidReference, nowIso)
    paid.run(decision.claimId)
    audit.run(
      uuidv7(at.getTime()),
      nowIso,
      decision.claimId,
      JSON.stringify({ status: claim.status }),
      JSON.stringify({
        status: 'paid',
        paidFen: decision.paidFen,
        note: decision.paidReference,
        paidAt: decision.paidAt
      })
    )
  }
}
