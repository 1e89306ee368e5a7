import type { Db } from '../../db/connection'
import type { ReportFilterOptions } from '../../../src-shared/contract/reports'

/**
 * What the report filters offer: the brands and models of the catalogue and of the devices the
 * shop has seen, and everyone who has been a technician (also those since disabled, whose jobs
 * stay in the reports).
 */
export async function reportFilterOptions(db: Db): Promise<ReportFilterOptions> {
  const [catalogue, seen, technicians] = await Promise.all([
    db.selectFrom('productModels').select(['brand', 'model']).execute(),
    db.selectFrom('devices').select(['brand', 'model']).distinct().limit(5000).execute(),
    db
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('role', '=', 'technician')
      .orderBy('displayName')
      .execute()
  ])
  const models = new Map<string, { brand: string; model: string }>()
  for (const row of [...catalogue, ...seen]) models.set(`${row.brand}\u0000${row.model}`, row)
  const sorted = [...models.values()].sort((a, b) => a.brand.localeCompare(b.brand) || a.model.localeCompare(b.model))
  return {
    brands: [...new Set(sorted.map((row) => row.brand))],
    models: sorted,
    technicians
  }
}
