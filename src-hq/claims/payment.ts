import type { HqContext } from '../context'
import { HqError } from '../errors'
import type { StaffUser } from '../contractOutputs'

/**
 * The brand paid an approved claim: what it paid (at most what was approved: freight deducted, a
 * part priced lower) and the payment's reference. Kept on the claim and on the decision row its
 * shop pulls, in one transaction, so the shop's claim moves to paid with the amount. A payment
 * recorded again puts a mistyped amount right; the shop keeps both as steps.
 */
export async function payClaim(
  hq: HqContext,
  payer: StaffUser,
  input: { shopId: string; claimId: string; paidFen: number; paidReference: string }
): Promise<void> {
  const paidAt = hq.now().toISOString()
  await hq.db.transaction().execute(async (trx) => {
    const claim = await trx
      .selectFrom('claims')
      .select(['status', 'approvedFen'])
      .where('shopId', '=', input.shopId)
      .where('claimId', '=', input.claimId)
      .forUpdate()
      .executeTakeFirst()
    if (!claim) throw new HqError('NOT_FOUND')
    if (claim.status !== 'approved') {
      throw new HqError('INVALID_TRANSITION', 'hqErrors.claimNotApproved')
    }
    if (input.paidFen > claim.approvedFen) {
      throw new HqError('VALIDATION', 'hqErrors.paidAboveApproved', { field: 'paidFen' })
    }
    const payment = { paidFen: input.paidFen, paidReference: input.paidReference, paidAt }
    await trx
      .updateTable('claims')
      .set({ ...payment, paidBy: payer.id })
      .where('shopId', '=', input.shopId)
      .where('claimId', '=', input.claimId)
      .execute()
    // The approval wrote the decision row; the payment rides on it (a new sequence number, so the shop pulls it again).
    const updated = await trx
      .updateTable('claimDecisions')
      .set(payment)
      .where('shopId', '=', input.shopId)
      .where('claimId', '=', input.claimId)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new HqError('INVALID_TRANSITION', 'hqErrors.claimNotApproved')
  })
}
