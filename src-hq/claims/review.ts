import { sql } from 'kysely'
import type { HqContext } from '../context'
import type { HqDb } from '../db/connection'
import type { ClaimStatus } from '../db/schema'
import { HqError } from '../errors'
import type { StaffUser } from '../contractOutputs'
import { faultCauseLabel, modelWithBrand } from './labels'
import type { AssessedClaim, BrandAmounts } from '../contractOutputs'
import { assessClaim } from './amounts'
import { approvalRefusal } from './approvalRule'
import type { ClaimInQueue } from '../contractOutputs'

export type ClaimDecision = 'approve' | 'reject' | 'moreInfo'

export async function listClaims(
  hq: HqContext,
  filter: { status?: ClaimStatus | undefined; shopId?: string | undefined; limit: number; offset: number }
): Promise<{ claims: ClaimInQueue[]; total: number }> {
  let query = hq.db.selectFrom('claims as c').innerJoin('shops as s', 's.id', 'c.shopId')
  if (filter.status) query = query.where('c.status', '=', filter.status)
  if (filter.shopId) query = query.where('c.shopId', '=', filter.shopId)
  const rows = await query
    .select([
      'c.shopId',
      's.name as shopName',
      'c.claimId',
      'c.workOrderNumber',
      'c.invoiceNumber',
      'c.claimedFen',
      'c.serial',
      'c.brand',
      'c.model',
      modelWithBrand(sql.ref('c.brand'), sql.ref('c.model')).as('brandModel'),
      'c.categoryKey',
      'c.faultCode',
      faultCauseLabel(sql.ref('c.faultCode')).as('faultLabel'),
      'c.component',
      'c.claimedAt',
      'c.receivedAt',
      'c.status',
      'c.reason',
      'c.labourFen',
      'c.partsFen',
      'c.approvedFen',
      'c.decidedAt',
      'c.paidFen',
      'c.paidReference',
      'c.paidAt',
      'c.payload',
      sql<number>`count(*) over ()`.as('total')
    ])
    .orderBy('c.claimedAt')
    .orderBy('c.claimId')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return {
    total: Number(rows[0]?.total ?? 0),
    claims: rows.map(({ total: _total, ...row }) => ({
      ...row,
      claimedAt: row.claimedAt.toISOString(),
      receivedAt: row.receivedAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      paidAt: row.paidAt?.toISOString() ?? null
    }))
  }
}

const OUTCOME = { approve: 'approved', reject: 'rejected', moreInfo: 'moreInfo' } as const

/** A claim as the reviewer weighs it before deciding: what the shop claimed beside HQ's own rates. */
export async function claimAssessment(
  hq: HqContext,
  input: { shopId: string; claimId: string }
): Promise<AssessedClaim> {
  const claim = await hq.db
    .selectFrom('claims')
    .select(['payload', 'categoryKey', 'claimedFen'])
    .where('shopId', '=', input.shopId)
    .where('claimId', '=', input.claimId)
    .executeTakeFirst()
  if (!claim) throw new HqError('NOT_FOUND')
  return { claimedFen: claim.claimedFen, ...(await assessClaim(hq.db, claim)) }
}

/**
 * What an approval pays: the labour and parts the reviewer set or, without them, HQ's rates. It
 * pays something and no more than the shop claimed (a claim worth nothing is a rejection, with
 * its reason); HQ's rates alone are refused where they lack a line's price, since they would pay
 * that line nothing without anyone having looked. A credit-note claim (a negative amount)
 * is acknowledged at nothing.
 */
async function approvedAmounts(
  trx: HqDb,
  claim: { payload: unknown; categoryKey: string; claimedFen: number },
  set: BrandAmounts | undefined
): Promise<BrandAmounts> {
  const refuse = (amounts: BrandAmounts) => {
    const refusal = approvalRefusal(claim.claimedFen, amounts)
    if (refusal) throw new HqError('VALIDATION', refusal, { field: 'approved' })
  }
  if (claim.claimedFen <= 0) {
    if (set) refuse(set)
    return { labourFen: 0, partsFen: 0 }
  }
  let amounts = set
  if (!amounts) {
    const assessed = await assessClaim(trx, claim)
    if (assessed.pricesMissing) throw new HqError('VALIDATION', 'hqErrors.brandPriceMissing', { field: 'approved' })
    amounts = { labourFen: assessed.labourFen, partsFen: assessed.partsFen }
  }
  refuse(amounts)
  return { labourFen: amounts.labourFen, partsFen: amounts.partsFen }
}

/**
 * A claims reviewer decides a claim. A waiting claim (new, or back from the shop with more
 * information) can be approved, rejected or asked about; approved and rejected are final. The
 * decision row the claim's shop pulls is written in the same transaction.
 */
export async function decideClaim(
  hq: HqContext,
  reviewer: StaffUser,
  input: {
    shopId: string
    claimId: string
    decision: ClaimDecision
    reason: string
    approved?: BrandAmounts | undefined
  }
): Promise<ClaimInQueue['status']> {
  const reason = input.reason.trim()
  if (input.decision !== 'approve' && reason === '') {
    throw new HqError('VALIDATION', 'hqErrors.reasonRequired', { field: 'reason' })
  }
  const decidedAt = hq.now().toISOString()
  return hq.db.transaction().execute(async (trx) => {
    const claim = await trx
      .selectFrom('claims')
      .select(['status', 'payload', 'categoryKey', 'claimedFen'])
      .where('shopId', '=', input.shopId)
      .where('claimId', '=', input.claimId)
      .forUpdate()
      .executeTakeFirst()
    if (!claim) throw new HqError('NOT_FOUND')
    if (claim.status === 'approved' || claim.status === 'rejected') {
      throw new HqError('INVALID_TRANSITION', 'hqErrors.claimDecided', { status: claim.status })
    }
    const status = OUTCOME[input.decision]
    const amounts =
      status === 'approved' ? await approvedAmounts(trx, claim, input.approved) : { labourFen: 0, partsFen: 0 }
    const approvedFen = amounts.labourFen + amounts.partsFen
    await trx
      .updateTable('claims')
      .set({ status, reason, ...amounts, approvedFen, decidedBy: reviewer.id, decidedAt })
      .where('shopId', '=', input.shopId)
      .where('claimId', '=', input.claimId)
      .execute()
    const decision = { status, reason, approvedFen, decidedAt }
    await trx
      .insertInto('claimDecisions')
      .values({ shopId: input.shopId, claimId: input.claimId, ...decision })
      .onConflict((oc) => oc.columns(['shopId', 'claimId']).doUpdateSet(decision))
      .execute()
    return status
  })
}
