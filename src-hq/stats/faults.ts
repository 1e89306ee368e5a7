import { sql, type RawBuilder } from 'kysely'
import { faultCauseLabel, modelWithBrand } from '../claims/labels'
import type { HqContext } from '../context'
import type { FaultCount } from '../contractOutputs'

export type FaultDimension = 'model' | 'component' | 'faultCode'

/** What a count is keyed by: the model with its brand, the component, the fault code with its name where HQ knows it. */
const KEY: Record<FaultDimension, RawBuilder<string>> = {
  model: modelWithBrand(sql.ref('brand'), sql.ref('model')),
  component: sql<string>`component`,
  faultCode: sql<string>`fault_code || coalesce(' ' || ${faultCauseLabel(sql.ref('fault_code'))}, '')`
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
  const key = sql<string>`coalesce(nullif(${KEY[input.by]}, ''), '?')`
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

/** The same counts as an Excel workbook (base64): one row per month and key. */
export async function faultStatisticsWorkbook(counts: readonly FaultCount[], by: FaultDimension): Promise<string> {
  // Loaded when first needed: it takes half a second to load, and most starts never write a workbook.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('faults')
  const heading = { model: '型号 Model', component: '部件 Component', faultCode: '故障原因代码 Fault cause code' }[by]
  sheet.addRow(['月份 Month', heading, '索赔数 Claims']).font = { bold: true }
  for (const count of counts) sheet.addRow([count.month, count.key, count.claims])
  sheet.columns.forEach((column) => (column.width = 20))
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
}
