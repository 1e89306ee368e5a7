import type { Db } from '../../../db/connection'
import { AppError, type CurrentUser, type ParsedInput } from '../../../../src-shared/contract'
import { FILE_CLAIMS_AT_ONCE, type WarrantyClaimRow } from '../../../../src-shared/contract/checkout'
import { formatFen } from '../../../../src-shared/domain/money'
import { nextClaimSteps, paidAmountFits, type ClaimStepByHand } from '../../../../src-shared/domain/claimFiling'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { recordAudit } from '../../audit/record'
import { enqueueOutbox } from '../../sync/outbox'
import { isEnrolled } from '../../sync/hq/ownership'
import { claimDaysFilter, claimsToFile, readWarrantyClaim } from './list'

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
 * those days, each with its own step, audit row and outbox row, all in one transaction. They must
 * be exactly the claims the manager was shown, so a claim made (or filed by someone else)
 * meanwhile is not filed unseen, even when another of the same amount took its place.
 */
export async function fileClaims(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'checkout.fileClaims'>
): Promise<{ filed: number }> {
  return db.transaction().execute(async (trx) => {
    await refuseWhenEnrolled(trx)
    // One more than may be filed at once: a longer list can never be the one shown.
    const claims = await claimsToFile(trx, await claimDaysFilter(trx, input), FILE_CLAIMS_AT_ONCE + 1)
    if (!sameClaims(claims, input.claimIds)) {
      const amountFen = claims.reduce((sum, claim) => sum + claim.amountFen, 0)
      throw new AppError('CONFLICT', 'claims.toFileChanged', {
        count: claims.length,
        amountFen,
        amount: formatFen(amountFen)
      })
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

/** Whether the days' claims to file are exactly the ones named, whatever the order. */
function sameClaims(claims: readonly { id: string }[], claimIds: readonly string[]): boolean {
  const named = new Set(claimIds)
  return claims.length === named.size && claimIds.length === named.size && claims.every((claim) => named.has(claim.id))
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
