import { uuidv7 } from '../../../../src-shared/domain/ids'
import { latestPaidStepSql } from './paid'
import type { PulledRow, PulledTableApplier } from '../../sync/hq/pulledTables'
import { acceptPulledRow, refusePulledRow, type PulledRowRefusal } from '../../sync/hq/refusedRows'

/**
 * Why a payment in HQ's decision cannot be right, or null when there is none or it can: the
 * brand pays a whole number of fen, at least one, and no more than it approved, and only on a
 * claim it approved. Such a payment is not recorded (a wrong amount would settle the claim and
 * count in the reports' 品牌实付); HQ's decision it came with is, so an approval, a rejection or a
 * request for more is not lost with it.
 */
export function paymentRefusal(decision: PulledRow<'claimDecisions'>): PulledRowRefusal | null {
  const { paidFen, approvedFen, status } = decision
  if (paidFen === null) return null
  if (status !== 'approved') return { reason: 'paidNotApproved', details: { paidFen, status } }
  if (!Number.isSafeInteger(paidFen) || paidFen < 1) return { reason: 'paidNotWholeFen', details: { paidFen } }
  if (paidFen > approvedFen) return { reason: 'paidOverApproved', details: { paidFen, approvedFen } }
  return null
}

/**
 * HQ's decisions on the shop's warranty claims. The decision is kept as HQ sent it (a later one
 * replaces it: "more information" can become an approval); the claim's own status says rejected
 * when HQ rejected it, and stays with HQ (submitted) otherwise until HQ sends what the brand paid.
 * Then the claim is paid: its paid step is recorded as a manager's step records it for a shop
 * that files itself (the recorder left empty: the sync recorded it), so the claims list, the claim
 * sheet and the reports' 品牌实付 (migration 62's sums, moved by the step and the status) read the
 * amount the same way, and the audit log says it came with the sync. A payment HQ puts right is a
 * step of its own; the same payment pulled again records nothing. A payment that cannot be right
 * (paymentRefusal) is set aside for the sync page, its decision kept without it, and the rest of
 * the page applied.
 */
export const applyClaimDecisions: PulledTableApplier<'claimDecisions'> = ({ sqlite, at }, changes) => {
  const nowIso = at.toISOString()
  const claimOf = sqlite.prepare<[string], { status: string; number: string }>(
    `SELECT c.status, w.number FROM warranty_claims c JOIN work_orders w ON w.id = c.work_order_id WHERE c.id = ?`
  )
  const upsert = sqlite.prepare(
    `INSERT INTO hq_claim_decisions (claim_id, status, reason, approved_fen, decided_at, received_at, paid_fen, paid_reference, paid_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (claim_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       approved_fen = excluded.approved_fen, decided_at = excluded.decided_at, received_at = excluded.received_at,
       paid_fen = excluded.paid_fen, paid_reference = excluded.paid_reference, paid_at = excluded.paid_at`
  )
  // A decision whose payment is set aside: HQ's word on the claim is kept, the payment columns are
  // left as they were (a payment recorded before stays, a new one waits for HQ's correction).
  const upsertWithoutPayment = sqlite.prepare(
    `INSERT INTO hq_claim_decisions (claim_id, status, reason, approved_fen, decided_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (claim_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       approved_fen = excluded.approved_fen, decided_at = excluded.decided_at, received_at = excluded.received_at`
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
    const refusal = paymentRefusal(decision)
    if (refusal) {
      refusePulledRow({ sqlite, at }, 'claimDecisions', change.key, claim.number, refusal, decision)
      upsertWithoutPayment.run(
        decision.claimId,
        decision.status,
        decision.reason,
        decision.approvedFen,
        decision.decidedAt,
        nowIso
      )
      follow.run(decision.status === 'rejected' ? 'rejected' : 'submitted', decision.claimId)
      continue
    }
    acceptPulledRow({ sqlite, at }, 'claimDecisions', change.key)
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
