import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type ParsedInput } from '../../../src-shared/contract'
import type { WarrantyClaimRow } from '../../../src-shared/contract/checkout'
import { nextClaimSteps, paidAmountFits } from '../../../src-shared/domain/claimFiling'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { recordAudit } from '../audit/record'
import { enqueueOutbox } from '../sync/outbox'
import { isEnrolled } from '../sync/hq/ownership'
import { readWarrantyClaim } from './claimsList'

/**
 * A manager records the brand's answer to a claim the shop files itself: filed, paid (what the
 * brand paid) or rejected (why). The step is kept as recorded and the claim's status follows it,
 * so the claims report's sums move in the same transaction. An enrolled shop's claims are HQ's
 * to decide: they move with the sync, never by hand.
 */
export async function markClaim(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'checkout.markClaim'>
): Promise<WarrantyClaimRow> {
  await db.transaction().execute(async (trx) => {
    if (await isEnrolled(trx)) throw new AppError('CONFLICT', 'claims.movesWithHq')
    const claim = await trx
      .selectFrom('warrantyClaims')
      .select(['id', 'status', 'amountFen'])
      .where('id', '=', input.claimId)
      .executeTakeFirst()
    if (!claim) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND')
    if (!nextClaimSteps(claim.status).includes(input.step)) throw new AppError('CONFLICT', 'claims.stepNotAllowed')
    const paidFen = input.step === 'paid' ? input.paidFen : null
    if (paidFen !== null && !paidAmountFits(claim.amountFen, paidFen)) {
      throw new AppError('VALIDATION', 'errors.VALIDATION', {
        fields: [{ path: 'paidFen', messageKey: 'validation.claimPaidAmount' }]
      })
    }
    const step = {
      id: uuidv7(at.getTime()),
      claimId: claim.id,
      status: input.step,
      paidFen,
      note: input.note,
      recordedBy: actor.id,
      recordedAt: at.toISOString()
    }
    await trx.insertInto('warrantyClaimSteps').values(step).execute()
    await trx.updateTable('warrantyClaims').set({ status: input.step }).where('id', '=', claim.id).execute()
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'checkout.markClaim',
      entity: 'warranty_claim',
      entityId: claim.id,
      before: { status: claim.status },
      after: { status: step.status, paidFen, note: step.note }
    })
    // HQ keeps the shop's own record of how a claim it filed outside the network ended (should
    // the shop join one later), as a record of its own: the claim itself is HQ's to judge.
    await enqueueOutbox(trx, at, {
      entity: 'warranty_claim_step',
      entityId: step.id,
      operation: 'upsert',
      payload: { claimId: step.claimId, status: step.status, paidFen, note: step.note, recordedAt: step.recordedAt }
    })
  })
  const row = await readWarrantyClaim(db, input.claimId)
  if (!row) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND')
  return row
}
