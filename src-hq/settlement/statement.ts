import { sql } from 'kysely'
import type { HqContext } from '../context'
import { HqError } from '../errors'
import type { SettlementStatement } from '../contractOutputs'

/**
 * What the brand owes a shop for a month: the claims approved in that month (what the shop
 * claimed beside the labour and parts approved, fixed when each was approved) and the faulty-part
 * returns credited in it. Worked out from the decisions each time, so it always agrees with them.
 */
export async function settlementStatement(hq: HqContext, shopId: string, month: string): Promise<SettlementStatement> {
  const shop = await hq.db.selectFrom('shops').select(['id', 'name']).where('id', '=', shopId).executeTakeFirst()
  if (!shop) throw new HqError('NOT_FOUND')
  const start = sql<Date>`(${`${month}-01`}::date::timestamp AT TIME ZONE ${hq.timeZone})`
  const end = sql<Date>`((${`${month}-01`}::date + interval '1 month')::timestamp AT TIME ZONE ${hq.timeZone})`
  const claims = await hq.db
    .selectFrom('claims')
    .select([
      'claimId',
      'workOrderNumber',
      'serial',
      'model',
      'decidedAt',
      'claimedFen',
      'labourFen',
      'partsFen',
      'approvedFen'
    ])
    .where('shopId', '=', shopId)
    .where('status', '=', 'approved')
    .where('decidedAt', '>=', start)
    .where('decidedAt', '<', end)
    .orderBy('decidedAt')
    .orderBy('claimId')
    .execute()
  const returns = await hq.db
    .selectFrom('returnBatches')
    .select(['batchId', 'number', 'creditReference', 'creditedAt', 'creditedFen'])
    .where('shopId', '=', shopId)
    .where('hqStatus', '=', 'credited')
    .where('creditedAt', '>=', start)
    .where('creditedAt', '<', end)
    .orderBy('creditedAt')
    .execute()
  const sum = <T>(rows: readonly T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0)
  const totals = {
    claimedFen: sum(claims, (claim) => claim.claimedFen),
    labourFen: sum(claims, (claim) => claim.labourFen),
    partsFen: sum(claims, (claim) => claim.partsFen),
    claimsFen: sum(claims, (claim) => claim.approvedFen),
    returnsFen: sum(returns, (batch) => batch.creditedFen),
    totalFen: 0
  }
  totals.totalFen = totals.claimsFen + totals.returnsFen
  return {
    shop,
    month,
    claims: claims.map((claim) => ({ ...claim, decidedAt: claim.decidedAt?.toISOString() ?? '' })),
    returns: returns.map((batch) => ({ ...batch, creditedAt: batch.creditedAt?.toISOString() ?? '' })),
    totals
  }
}
