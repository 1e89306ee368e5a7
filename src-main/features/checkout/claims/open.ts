import type { Db } from '../../../db/connection'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { recordSyncedChange } from '../../sync/recordChange'
import { claimEvidence, withPartNumbers } from './evidence'

/**
 * What the brand pays (or, from a credit note, no longer pays) becomes a warranty claim against
 * the brand, sent on with the synced changes. `amountFen` is negative for a credit note.
 */
export async function openWarrantyClaim(
  trx: Db,
  at: Date,
  actorId: string,
  claim: { workOrderId: string; invoiceId: string; amountFen: number; lines: readonly unknown[] },
  /** what the synced change says about it, besides the claim's own fields */
  after: Record<string, unknown>
): Promise<void> {
  const claimId = uuidv7(at.getTime())
  await trx
    .insertInto('warrantyClaims')
    .values({
      id: claimId,
      workOrderId: claim.workOrderId,
      invoiceId: claim.invoiceId,
      amountFen: claim.amountFen,
      linesJson: JSON.stringify(claim.lines),
      status: 'open',
      createdAt: at.toISOString()
    })
    .execute()
  await recordSyncedChange(trx, at, {
    actorId,
    action: 'checkout.warrantyClaim',
    entity: 'warranty_claim',
    entityId: claimId,
    // HQ judges the claim and counts the fault from this change alone: the unit, the fault and
    // each part's number travel with the amount and lines, read in this same transaction.
    after: {
      ...after,
      ...(await claimEvidence(trx, claim.workOrderId)),
      lines: await withPartNumbers(trx, claim.lines)
    }
  })
}
