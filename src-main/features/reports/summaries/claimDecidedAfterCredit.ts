import type { Migration } from '../../../db/migration'
import { changed, MONTH, trigger } from './migrations'
import { moveMeasures, type Side } from './claimDecidedLater'
import { partEventSums } from './partCreditsLater'
import { perRow, statement, type SliceTable, type Source } from './slices'

/*
 * A part returned or credited after the pick-up whose claim is decided in a later month still
 * changed the month of the credit. Migration 55 counts such a credit as a line of its own month,
 * in the column of whoever pays its part, and its trigger on the claim's status moves that line to
 * the other payer's column when the claim is rejected (or its rejection reversed): a month already
 * reported changed after the fact. Migration 63 keeps the part's issue month as it was and moves
 * the part, as its issue month counts it, in the month of the decision; the credit's month it left.
 *
 * Each credit dated in a month before such a move's (report_part_claim_moves) is now moved with
 * it, kept as a fact, `report_part_credit_claim_moves`: the credit's line as its month counts it
 * (negative), the credit's time and the move's. Counted twice, as migration 63 counts a move: in
 * the credit's month undone (its line back in the column it was reported in), in the decision's
 * month made. The decision's month so moves what the brand still owed at the decision: the part
 * less what came back or was credited before. A credit in the decision's own month, before the
 * decision, moves in that month as before (the month is not reported yet); one after it is
 * counted for the new payer from the start.
 *
 * Existing shops: every move already recorded brings its earlier credits' corrections.
 */

const COLUMNS = 'credit_id, work_order_part_id, credited_at, at, to_payer, quantity, priced_fen, cost_fen'

/** The credits of the moves in `moves` (rows of report_part_claim_moves, `m`) dated in a month before the move's. */
const creditsMoved = (moves: string) =>
  `INSERT INTO report_part_credit_claim_moves (${COLUMNS})
     SELECT pc.id, pc.work_order_part_id, pc.at, m.at, m.to_payer, -pc.quantity, -pc.priced_fen, -pc.cost_fen
     FROM ${moves}, report_part_credits pc
     WHERE pc.work_order_part_id = m.work_order_part_id AND ${MONTH('pc.at')} < ${MONTH('m.at')};`

/**
 * A credit's move measured as migration 63 measures a part's, with no line of its own in either
 * month: the part's own move is the decision month's line.
 */
const creditMoveMeasures = (side: Side): SliceTable['measures'] =>
  moveMeasures(side).map(([name, expr]) => (name === 'lines' ? [name, () => '0'] : [name, expr]))

/** Under the credit's month (undone) or the decision's (made), moving with the job's category (and technician). */
const creditMoveSums = (side: Side) =>
  partEventSums((s) => MONTH(side === 'issued' ? `${s.line}.credited_at` : `${s.line}.at`), creditMoveMeasures(side), {
    months: 'category_key',
    slices: 'technician_id, category_key'
  })
const SUMS = [...creditMoveSums('issued'), ...creditMoveSums('decided')]
const toAll = (source: Source) => SUMS.map(({ table }) => statement(table, source))
const perGroup = (sign: 1 | -1) => (expr: string) => `${sign} * sum(${expr})`

/** One credit's move (NEW in its trigger) with its part and job. */
const creditMoveRow: Source = {
  line: 'NEW',
  job: 'j',
  from: ['work_order_parts x', 'report_jobs j'],
  where: ['x.id = NEW.work_order_part_id', 'j.work_order_id = x.work_order_id'],
  sum: perRow(1),
  group: false
}

/** Every credit's move of one job, under the job's row as it was (OLD) or is now (NEW). */
const creditMovesOfJob = (row: 'NEW' | 'OLD', sign: 1 | -1): Source => ({
  line: 'cm',
  job: row,
  from: ['work_order_parts x', 'report_part_credit_claim_moves cm'],
  where: [`x.work_order_id = ${row}.work_order_id`, 'cm.work_order_part_id = x.id'],
  sum: perGroup(sign),
  group: true
})

/** Every credit's move already there, for the backfill. */
const everyCreditMove: Source = {
  line: 'cm',
  job: 'j',
  from: [
    'report_part_credit_claim_moves cm JOIN work_order_parts x ON x.id = cm.work_order_part_id JOIN report_jobs j ON j.work_order_id = x.work_order_id'
  ],
  where: [],
  sum: perGroup(1),
  group: true
}

export const claimDecidedAfterCredit: Migration = {
  version: 65,
  name: 'reports: a part credited after the pick-up whose claim is decided in a later month moves its credit in the month of the decision, the credit’s month stays',
  statements: [
    `CREATE TABLE report_part_credit_claim_moves (
        credit_id TEXT NOT NULL,
        work_order_part_id TEXT NOT NULL,
        credited_at TEXT NOT NULL,
        at TEXT NOT NULL,
        to_payer TEXT NOT NULL CHECK (to_payer IN ('brand', 'shop')),
        quantity INTEGER NOT NULL,
        priced_fen INTEGER NOT NULL,
        cost_fen INTEGER NOT NULL
      )`,
    'CREATE INDEX report_part_credit_claim_moves_part ON report_part_credit_claim_moves(work_order_part_id)',
    'CREATE INDEX report_part_credit_claim_moves_credited ON report_part_credit_claim_moves(credited_at)',
    'CREATE INDEX report_part_credit_claim_moves_at ON report_part_credit_claim_moves(at)',
    // Existing shops: the earlier credits of every move recorded, and their shares.
    creditsMoved('report_part_claim_moves m'),
    ...toAll(everyCreditMove),
    trigger('report_part_claim_moved_credits', 'AFTER INSERT ON report_part_claim_moves', [
      creditsMoved('(SELECT NEW.work_order_part_id AS work_order_part_id, NEW.at AS at, NEW.to_payer AS to_payer) m')
    ]),
    trigger(
      'report_part_credit_claim_moves_in',
      'AFTER INSERT ON report_part_credit_claim_moves',
      toAll(creditMoveRow)
    ),
    // A job's row gone: its credits' moves' shares go, then the moves.
    trigger('report_part_credit_claim_moves_job_out', 'AFTER DELETE ON report_jobs', [
      ...toAll(creditMovesOfJob('OLD', -1)),
      `DELETE FROM report_part_credit_claim_moves
         WHERE work_order_part_id IN (SELECT id FROM work_order_parts WHERE work_order_id = OLD.work_order_id);`
    ]),
    ...['report_part_months', 'report_part_slice_months'].map((name) => {
      const sums = SUMS.filter(({ table }) => table.table === name)
      const jobColumns = sums[0]!.jobColumns
      return trigger(
        `report_part_credit_claim_moves_${name === 'report_part_months' ? 'job' : 'slice'}_moved`,
        `AFTER UPDATE OF ${jobColumns} ON report_jobs ${changed(jobColumns)}`,
        [
          ...sums.map(({ table }) => statement(table, creditMovesOfJob('OLD', -1))),
          ...sums.map(({ table }) => statement(table, creditMovesOfJob('NEW', 1)))
        ]
      )
    })
  ]
}
