import { sql } from 'kysely'
import type { HqContext } from '../context'

export type FaultDimension = 'model' | 'component' | 'faultCode'

const COLUMN: Record<FaultDimension, string> = { model: 'model', component: 'component', faultCode: 'fault_code' }

export interface FaultCount {
  /** `YYYY-MM` in the brand's time zone. */
  month: string
  key: string
  claims: number
}

/**
 * Network-wide fault counts (the brand's FRACAS input): warranty claims received from every shop,
 * per month and per model, component or fault code, between two calendar dates inclusive.
 */
export async function faultStatistics(
  hq: HqContext,
  input: { by: FaultDimension; from: string; to: string }
): Promise<FaultCount[]> {
  const month = sql<string>`to_char(claimed_at AT TIME ZONE ${hq.timeZone}, 'YYYY-MM')`
  const key = sql<string>`coalesce(nullif(${sql.ref(COLUMN[input.by])}, ''), '?')`
  const { rows } = await sql<FaultCount>`
    SELECT ${month} AS month, ${key} AS key, count(*)::int AS claims
    FROM claims
    WHERE claimed_at >= (${input.from}::date::timestamp AT TIME ZONE ${hq.timeZone})
      AND claimed_at < ((${input.to}::date + 1)::timestamp AT TIME ZONE ${hq.timeZone})
    GROUP BY 1, 2
    ORDER BY 1, 3 DESC, 2
  `.execute(hq.db.withoutPlugins())
  return rows
}
