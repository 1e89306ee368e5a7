import type BetterSqlite3 from 'better-sqlite3'
import { reportFacts } from '../../src-main/features/reports/migrations'
import { reportSummaries } from '../../src-main/features/reports/summaries/migrations'
import { reportSlices, SLICE_TABLES } from '../../src-main/features/reports/summaries/slices'
import { partsSettled } from '../../src-main/features/reports/summaries/partsSettled'
import { partCreditsLater } from '../../src-main/features/reports/summaries/partCreditsLater'
import { claimsPaid } from '../../src-main/features/reports/summaries/claimsPaid'
import { claimDecidedLater } from '../../src-main/features/reports/summaries/claimDecidedLater'
import { claimDecidedAfterCredit } from '../../src-main/features/reports/summaries/claimDecidedAfterCredit'

/**
 * Seeds a shop with the report triggers off and then writes the report facts and sums with the
 * production backfill: the statements of the migrations that brought report_jobs, its summaries
 * and the sums within one technician or category in over a shop's existing rows. One row at a
 * time through the triggers costs most of a 1 000 000-job seed; the backfill groups the same
 * rows in a few statements. The triggers come back afterwards exactly as they were, so the shop
 * keeps them for any change after the seed.
 * tests/unit/reports/reportsBackfill.test.ts holds both ways to the same tables.
 */

/** Every table the report triggers write: the facts first, then the sums the backfill rebuilds. */
export const REPORT_TABLES = [
  'report_jobs',
  'report_job_months',
  'report_ready_months',
  'report_turnaround_months',
  'report_part_months',
  'report_claim_months',
  'report_claim_days',
  'report_payment_days',
  ...SLICE_TABLES,
  'report_part_credits',
  'report_part_claim_moves',
  'report_part_credit_claim_moves'
] as const

/** A statement filling a report table (migration 51's first work its parts out once, WITH settled ...). */
const fills = (statement: string) => /^(WITH [\s\S]+ )?INSERT INTO report_/.test(statement)

/**
 * The migrations' statements that fill the sums from the fact rows and the lines already there.
 * The used parts are summed as migration 51 sums them (by payer, the shop's own parts and a
 * rejected claim's earning nothing, net of the invoice's discount, what was written off still
 * costing, a return or credit after the pick-up in its own month), not as migrations 38, 41 and
 * 50 first did, nor by year (migration 42 dropped those).
 */
export const SUMS_BACKFILL = [
  ...[...reportSummaries.statements, ...reportSlices.statements].filter(
    (s) => fills(s) && !s.startsWith('INSERT INTO report_part_')
  ),
  // What the brand paid on the settled claims, onto the claim sums just written (migration 62).
  ...claimsPaid.statements.filter(fills),
  ...partsSettled.statements.filter(fills),
  // What came back or was credited after a pick-up, then its shares in the part sums (migration 53).
  ...partCreditsLater.statements.filter(fills),
  // A claim rejected after its pick-up's month, then its shares in the part sums (migration 63).
  ...claimDecidedLater.statements.filter(fills),
  // The credits dated before such a decision's month, moved with it, then their shares (migration 65).
  ...claimDecidedAfterCredit.statements.filter(fills)
]

/** The migrations' statements that fill the tables from the rows already there, in their order. */
const BACKFILL = [
  ...reportFacts.statements.filter((s) => /^(INSERT INTO|UPDATE) report_jobs\b/.test(s)),
  ...SUMS_BACKFILL
]

export function withReportsBackfilled<T>(sqlite: BetterSqlite3.Database, seed: () => T): T {
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report!_%' ESCAPE '!'`)
    .all() as { name: string; sql: string }[]
  if (triggers.length === 0) throw new Error('no report triggers found: the schema has changed under the seed')
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER ${name}`)
  const result = seed()
  sqlite.transaction(() => {
    for (const table of REPORT_TABLES) sqlite.exec(`DELETE FROM ${table}`)
    for (const statement of BACKFILL) sqlite.exec(statement)
    for (const { sql } of triggers) sqlite.exec(sql)
  })()
  return result
}
