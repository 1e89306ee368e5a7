import type { Migration } from '../../../db/migration'
import { changed, MONTH, trigger } from './migrations'
import { claimSlices, everything, linesOfJob, lineRow, perRow, statement, type SliceTable, type Source } from './slices'

/*
 * What the brand paid on its settled claims. Until this step the claims report's 已结算 was what
 * the shop had claimed on the claims marked paid: a brand that paid less (freight deducted, a part
 * priced lower) looked as if it had paid in full. A shop outside a brand network records what the
 * brand paid with each paid step (checkout/claims/filing.ts, warranty_claim_steps.paid_fen, the
 * latest one when a mistyped amount was put right); the claim sums now keep that beside what was
 * claimed, on the paid claims' rows.
 *
 * A paid claim without a recorded amount (none is written by this version: the sync never marks
 * an enrolled shop's claim paid, HQ's decision only approves it, an amount approved, not paid)
 * counts as paid in full, what it claimed.
 *
 * The new column is kept by triggers of its own beside migration 38's and 41's (which keep the
 * claim counts and amounts): each writes its rows with nothing added to the counts, so the two
 * sets add up whichever runs first. A step correcting a paid amount moves the sums itself, before
 * the claim's status is written again (paid to paid, which then moves nothing).
 */

/**
 * What the brand paid on claim `c` when it is paid (`except`: a step not to count yet), else nothing.
 * Migration 62's frozen text of the rule the live code reads from checkout/claims/paid.ts.
 */
const paidOf = (c: string, except = '') =>
  `CASE WHEN ${c}.status = 'paid' THEN coalesce((SELECT ps.paid_fen FROM warranty_claim_steps ps
       WHERE ps.claim_id = ${c}.id AND ps.status = 'paid'${except} ORDER BY ps.recorded_at DESC, ps.id DESC LIMIT 1),
     ${c}.amount_fen) ELSE 0 END`

/** Counted by migration 38's and 41's triggers: nothing added here, named so a row written here first has them. */
const PAID_MEASURES: SliceTable['measures'] = [
  ['claims', () => '0'],
  ['amount_fen', () => '0'],
  ['paid_fen', (s) => s.claimPaid ?? paidOf(s.line)]
]

/** The shop's claim sums by month, the job's brand and the claim's status (migration 38's table). */
const claimMonths: SliceTable = {
  table: 'report_claim_months',
  keys: [
    ['month', (s) => MONTH(`${s.line}.created_at`)],
    ['brand', (s) => `${s.job}.brand`],
    ['status', (s) => `${s.line}.status`]
  ],
  measures: PAID_MEASURES,
  cross: [],
  where: () => []
}

/** The same by day within one technician or one category (migration 41's table). */
const claimSliceSums: SliceTable = { ...claimSlices, measures: PAID_MEASURES }

const SUMS = [
  { table: claimMonths, jobColumns: 'brand' },
  { table: claimSliceSums, jobColumns: 'technician_id, category_key, brand' }
]
const both = (source: Source) => SUMS.map(({ table }) => statement(table, source))

/** The paid claim a step (NEW) records an amount on, as it stood before the step (-1) and after (+1). */
const correctedClaim = (sign: 1 | -1): Source => ({
  line: 'c',
  job: 'j',
  from: ['warranty_claims c', 'report_jobs j'],
  where: ['c.id = NEW.claim_id', "c.status = 'paid'", 'j.work_order_id = c.work_order_id'],
  sum: perRow(sign),
  group: false,
  ...(sign === -1 ? { claimPaid: paidOf('c', ' AND ps.id IS NOT NEW.id') } : {})
})

const CLAIM_COLUMNS = 'status, created_at, work_order_id'

export const claimsPaid: Migration = {
  version: 62,
  name: 'reports: the claim sums keep what the brand paid on settled claims beside what was claimed',
  statements: [
    ...['report_claim_months', 'report_claim_slices'].map(
      (table) => `ALTER TABLE ${table} ADD COLUMN paid_fen INTEGER NOT NULL DEFAULT 0`
    ),
    // Existing shops: what the brand paid on the claims already settled.
    ...both(everything('warranty_claims')),
    trigger('report_claim_paid_in', 'AFTER INSERT ON warranty_claims', both(lineRow('NEW', 1))),
    trigger('report_claim_paid_out', 'AFTER DELETE ON warranty_claims', both(lineRow('OLD', -1))),
    trigger(
      'report_claim_paid_changed',
      `AFTER UPDATE OF ${CLAIM_COLUMNS} ON warranty_claims ${changed(CLAIM_COLUMNS)}`,
      [...both(lineRow('OLD', -1)), ...both(lineRow('NEW', 1))]
    ),
    trigger('report_claim_paid_corrected', `AFTER INSERT ON warranty_claim_steps WHEN NEW.status = 'paid'`, [
      ...both(correctedClaim(-1)),
      ...both(correctedClaim(1))
    ]),
    // A job's claims go with its row, and move with its brand, technician or category.
    trigger('report_claim_paid_job_out', 'AFTER DELETE ON report_jobs', both(linesOfJob('warranty_claims', 'OLD', -1))),
    ...SUMS.map(({ table, jobColumns }) =>
      trigger(`${table.table}_paid_job_moved`, `AFTER UPDATE OF ${jobColumns} ON report_jobs ${changed(jobColumns)}`, [
        statement(table, linesOfJob('warranty_claims', 'OLD', -1)),
        statement(table, linesOfJob('warranty_claims', 'NEW', 1))
      ])
    )
  ]
}
