import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import { formatDocumentNumber } from '../../../src-shared/domain/numbering'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'

/**
 * Hands out the next human number of a series (e.g. `WO-260123-0042`). Call it inside the
 * transaction that creates the document, so a rolled-back document does not burn a number
 * and two documents can never share one.
 */
export async function nextDocumentNumber(trx: Db, prefix: string, instant: Date, timeZone: string): Promise<string> {
  const period = shopLocalDate(instant, timeZone)
  const row = await trx
    .insertInto('numberSequences')
    .values({ name: prefix, period, lastValue: 1 })
    .onConflict((oc) => oc.columns(['name', 'period']).doUpdateSet({ lastValue: sql`last_value + 1` }))
    .returning('lastValue')
    .executeTakeFirstOrThrow()
  return formatDocumentNumber(prefix, period, row.lastValue)
}
