/**
 * What the brand paid on a settled claim, in SQL: the amount recorded with the claim's latest paid
 * step (a mistyped amount is put right by recording the next, filing.ts; HQ's payment is
 * recorded the same way, hqDecisions.ts), else, with no step recorded, what was claimed.
 *
 * The rule the live code must agree on: the sync deciding whether HQ's payment is already
 * recorded reads it here; the claims report over the days its sums do not cover keeps the same
 * text (reports/claims.ts: a feature imports no other feature), held to this one by
 * tests/unit/reports/brandPaidRule.test.ts.
 * The triggers keeping the report sums read the same rule from their own frozen text (migration
 * 62's builder, reports/summaries/claimsPaid.ts, and migration 64's copy): a released migration
 * imports no live code, so a change here never rewrites what shops already ran. A different
 * reading is a new fragment and a new migration for the sums.
 */

/** The paid amount of claim `claimId` (an SQL expression) its latest paid step recorded. */
export const latestPaidStepSql = (claimId: string) =>
  `SELECT ps.paid_fen FROM warranty_claim_steps ps
       WHERE ps.claim_id = ${claimId} AND ps.status = 'paid' ORDER BY ps.recorded_at DESC, ps.id DESC LIMIT 1`

/** What the brand paid on claim row `c` when it is paid (its latest paid step), else nothing. */
export const brandPaidSql = (c: string) =>
  `CASE WHEN ${c}.status = 'paid' THEN coalesce((${latestPaidStepSql(`${c}.id`)}), ${c}.amount_fen) ELSE 0 END`
