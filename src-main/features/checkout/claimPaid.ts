/**
 * What the brand paid on a settled claim, in SQL: the amount recorded with the claim's latest paid
 * step (a mistyped amount is put right by recording the next, claimFiling.ts; HQ's payment is
 * recorded the same way, hqClaimDecisions.ts), else, with no step recorded, what was claimed.
 *
 * One text read in three places that must agree: the claims report over the days its sums do not
 * cover (reports/claims.ts), the sync deciding whether HQ's payment is already recorded, and the
 * triggers keeping the report sums (built by reports/summaries/claimsPaid.ts for migration 62;
 * migration 64 wrote the same text out when it made the trigger again). Migration 62's text is
 * released: a change here changes it (tests/unit/db/frozenMigrations.test.ts fails), so a
 * different reading is a new fragment and a new migration for the sums, never an edit of these.
 */

/** The paid amount of claim `claimId` (an SQL expression) its latest paid step recorded, leaving out step `exceptStep`. */
export const latestPaidStepSql = (claimId: string, exceptStep?: string) =>
  `SELECT ps.paid_fen FROM warranty_claim_steps ps
       WHERE ps.claim_id = ${claimId} AND ps.status = 'paid'${exceptStep === undefined ? '' : ` AND ps.id IS NOT ${exceptStep}`} ORDER BY ps.recorded_at DESC, ps.id DESC LIMIT 1`

/** What the brand paid on claim row `c` when it is paid (its latest paid step but `exceptStep`), else nothing. */
export const brandPaidSql = (c: string, exceptStep?: string) =>
  `CASE WHEN ${c}.status = 'paid' THEN coalesce((${latestPaidStepSql(`${c}.id`, exceptStep)}),
     ${c}.amount_fen) ELSE 0 END`
