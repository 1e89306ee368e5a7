import type { AppContext } from '../../../src-main/app/context'

/** The schema's tables, without SQLite's own and the search indexes' shadow tables. */
export function schemaTables(app: AppContext): string[] {
  const names = app.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[]
  return names.filter((name) => !/_search_(config|data|docsize|idx)$/.test(name))
}

/** The search indexes and report figures: the app derives them from other tables' rows. */
export const DERIVED_TABLES: readonly string[] = [
  'customer_search',
  'work_order_search',
  'part_search',
  'report_jobs',
  'report_job_months',
  'report_job_slices',
  'report_ready_months',
  'report_ready_categories',
  'report_turnaround_months',
  'report_turnaround_pairs',
  'report_part_months',
  'report_part_slice_months',
  'report_part_credits',
  'report_part_claim_moves',
  'report_part_credit_claim_moves',
  'report_accessory_remedy_months',
  'report_claim_months',
  'report_claim_days',
  'report_claim_slices',
  'report_payment_days',
  'report_payment_slices'
]
