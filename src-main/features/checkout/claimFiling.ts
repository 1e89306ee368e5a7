import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type ParsedInput } from '../../../src-shared/contract'
import type { WarrantyClaimRow } from '../../../src-shared/contract/checkout'
import { nextClaimSteps, paidAmountFits, type ClaimStepByHand } from '../../../src-shared/domain/claimFiling'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { recordAudit } from '../audit/record'
import { enqueueOutbox } from '../sync/outbox'
import { isEnrolled } from '../sync/hq/ownership'
import { claimDaysFilter, claimsOf, readWarrantyClaim } from './claimsList'

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
    await refuseWhenEnrolled(trx)
    const claim = await trx
      .selectFrom('warrantyClaims')
      .select(['id', 'status', 'amountFen'])
      .where('id', '=', input.claimId)
      .executeTakeFirst()
    if (!claim) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND')
    const paidFen = input.step === 'paid' ? input.paidFen : null
    await recordClaimStep(trx, at, actor, claim, { status: input.step, paidFen, note: input.note })
  })
  const row = await readWarrantyClaim(db, input.claimId)
  if (!row) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND')
  return row
}

/**
 * A manager records a month's claim sheet as filed with the brand: every claim still to file from
 * those days, each with its own step, audit row and outbox row, all in one transaction. The count
 * and sum the manager was shown must still be right, so a claim made (or filed by someone else)
 * meanwhile is not filed unseen.
 */
export async function fileClaims(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'checkout.fileClaims'>
): Promise<{ filed: number }> {
  return db.transaction().execute(async (trx) => {
    await refuseWhenEnrolled(trx)
    const claims = await claimsOf(trx, { status: 'open', ...(await claimDaysFilter(trx, input)) })
      .select(['c.id', 'c.status', 'c.amountFen'])
      .orderBy('c.createdAt')
      .orderBy('c.id')
      .execute()
    const amountFen = claims.reduce((sum, claim) => sum + claim.amountFen, 0)
    if (claims.length !== input.count || amountFen !== input.amountFen) {
      throw new AppError('CONFLICT', 'claims.toFileChanged', { count: claims.length })
    }
    for (const claim of claims) {
      await recordClaimStep(
        trx,
        at,
        actor,
        claim,
        { status: 'submitted', paidFen: null, note: input.note },
        'checkout.fileClaims'
      )
    }
    return { filed: claims.length }
  })
}

async function refuseWhenEnrolled(trx: Db): Promise<void> {
  if (await isEnrolled(trx)) throw new AppError('CONFLICT', 'claims.movesWithHq')
}

/** One step on one claim, if it may go there: kept as recorded, the claim's status following it, audited and sent on. */
async function recordClaimStep(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  claim: { id: string; status: WarrantyClaimRow['status']; amountFen: number },
  recorded: { status: ClaimStepByHand; paidFen: number | null; note: string },
  /** How the audit log names it: one claim marked, or filed with the rest of its days. */
  action: 'checkout.markClaim' | 'checkout.fileClaims' = 'checkout.markClaim'
): Promise<void> {
  if (!nextClaimSteps(claim.status).includes(recorded.status)) throw new AppError('CONFLICT', 'claims.stepNotAllowed')
  if (recorded.paidFen !== null && !paidAmountFits(claim.amountFen, recorded.paidFen)) {
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: 'paidFen', messageKey: 'validation.claimPaidAmount' }]
    })
  }
  const step = {
    id: uuidv7(at.getTime()),
    claimId: claim.id,
    ...recorded,
    recordedBy: actor.id,
    recordedAt: at.toISOString()
  }
  await trx.insertInto('warrantyClaimSteps').values(step).execute()
  await trx.updateTable('warrantyClaims').set({ status: step.status }).where('id', '=', claim.id).execute()
  await recordAudit(trx, at, {
    actorId: actor.id,
    action,
    entity: 'warranty_claim',
    entityId: claim.id,
    before: { status: claim.status },
    after: { status: step.status, paidFen: step.paidFen, note: step.note }
  })
  // HQ keeps the shop's own record of how a claim it filed outside the network ended (should
  // the shop join one later), as a record of its own: the claim itself is HQ's to judge.
  await enqueueOutbox(trx, at, {
    entity: 'warranty_claim_step',
    entityId: step.id,
    operation: 'upsert',
    payload: {
      claimId: step.claimId,
      status: step.status,
      paidFen: step.paidFen,
      note: step.note,
      recordedAt: step.recordedAt
    }
  })
}
