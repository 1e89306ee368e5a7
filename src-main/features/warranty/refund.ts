import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type ParsedInput, type WarrantyVerdict } from '../../../src-shared/contract'
import { refundDue } from '../../../src-shared/domain/warranty/exchange'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { readShopTimeZone } from '../settings/service'
import { recordSyncedChange } from '../sync/recordChange'
import { refuseGivenBack, toUnit } from './records'
import { findUnit, verdictFor } from './service'

/**
 * The customer gives the unit back for a 三包 refund. Only a unit the lookup offers a refund now
 * is taken back, judged exactly as the lookup judged it (the same claim and fault date): within
 * the refund window, or the 1995 goods due an exchange whose customer chose the refund. The unit
 * keeps the day and the rule that allowed it; from then on its verdict says it was refunded.
 *
 * No money moves through the shop's books here: the seller refunds the invoice price (less the
 * depreciation 《部分商品…》第十三条 allows when an exchange was on offer), and the registry
 * unit was never one of the shop's counter sales, so there is no sale for a credit note to correct.
 */
export async function refundUnit(
  db: Db,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'warranty.refund'>
): Promise<WarrantyVerdict> {
  const entitled = await verdictFor(db, now, input.unitId, input.claim)
  refuseGivenBack(entitled.unit)
  const rule = entitled.evaluation.remedyRule
  if (!refundDue(entitled.evaluation.verdict) || rule === null) throw new AppError('CONFLICT', 'errors.refundNotDue')
  await db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, input.unitId)
    // Checked inside the transaction too: a unit is given back once, by refund or exchange.
    refuseGivenBack(toUnit(unit))
    const refundedOn = shopLocalDate(now, await readShopTimeZone(trx))
    const updatedAt = now.toISOString()
    await trx
      .updateTable('warrantyUnits')
      .set({ refundedOn, refundRule: rule, updatedAt })
      .where('id', '=', unit.id)
      .execute()
    await recordSyncedChange(trx, now, {
      actorId: actor.id,
      action: 'warranty.refund',
      entity: 'warranty_unit',
      entityId: unit.id,
      before: toUnit(unit),
      after: { ...toUnit(unit), refundedOn, refundRule: rule, updatedAt }
    })
  })
  return verdictFor(db, now, input.unitId, null)
}
