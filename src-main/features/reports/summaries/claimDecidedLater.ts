import type { Migration } from '../../../db/migration'
import { changed, MONTH, trigger } from './migrations'
import { settled, writtenOff } from './partsSettled'
import { partEventSums } from './partCreditsLater'
import { perRow, statement, type SliceTable, type Source } from './slices'

/*
 * A claim rejected (or a rejection reversed) in a later month than its job's pick-up is counted in
 * the month of the decision. Migration 51 made a brand line whose claim is rejected the shop's, and
 * its trigger on the claim's status moves the part from the brand's column to the shop's in the
 * month it was issued: a month already reported, printed and handed over changed when HQ (or the
 * brand, recorded by a manager) answered weeks later. As migration 55 does for a part returned
 * after the pick-up, the reported month now stays as it was and the decision's month holds a pair
 * of correcting lines: the part off the brand's column and onto the shop's (or back again).
 *
 * Each such decision is kept as a fact, `report_part_claim_moves`, one row per brand part line of
 * the claim's invoice: when (the manager's step, or HQ's decision as the shop received it), to
 * whom, and the part as its issue month counts it (its line with the returns and credits after the
 * pick-up added back, partCreditsLater.ts). Counted twice, leaving the totals as they were: under
 * the part's issue month the move is undone (migration 51's trigger has made it there), under the
 * decision's month it is made, as a line. A decision in the pick-up's own month (or before the
 * pick-up) is no event: that month is not reported yet and moves as before. A status written with
 * no step or decision recorded for it has no time of its own, and also moves as before.
 *
 * Existing shops: a claim rejected now, decided (its latest step or HQ decision) in a later month
 * than its pick-up, is found as one such event; a rejection already reversed is not found again.
 */

/** When a claim (`c`) was last decided: a manager's step, or HQ's decision as the shop received it. */
const decidedAt = (
  c: string
) => `(SELECT max(t) FROM (SELECT recorded_at AS t FROM warranty_claim_steps WHERE claim_id = ${c}.id
       UNION ALL SELECT received_at FROM hq_claim_decisions WHERE claim_id = ${c}.id))`

/**
 * What a used part `x` counts in its issue month: its line as it stands (priced as billed and
 * credited, what left stock for good) with what came back or was credited after the pick-up added
 * back (report_part_credits), which is what a payer's column there holds of it.
 */
const afterCredits = (column: 'quantity' | 'priced_fen' | 'cost_fen') =>
  `coalesce((SELECT sum(pc.${column}) FROM report_part_credits pc WHERE pc.work_order_part_id = x.id), 0)`
const ISSUE_MONTH_SHARE = {
  quantity: `x.quantity - x.returned_quantity + ${afterCredits('quantity')}`,
  priced: `coalesce(${settled('x')}, x.unit_price_fen * (x.quantity - x.returned_quantity)) + ${afterCredits('priced_fen')}`,
  cost: `x.cost_value_fen - x.returned_value_fen + (${writtenOff('x')}) + ${afterCredits('cost_fen')}`
}

/**
 * The moves of the brand part lines on the invoices of `decisions` (a claim's invoice_id and when
 * it was decided, `at`) to `toPayer`, where the decision came in a later month than the pick-up.
 */
const COLUMNS = 'work_order_part_id, at, to_payer, quantity, priced_fen, cost_fen'
const moved = (decisions: string, toPayer: string) =>
  `INSERT INTO report_part_claim_moves (${COLUMNS})
     SELECT x.id, d.at, ${toPayer}, ${ISSUE_MONTH_SHARE.quantity}, ${ISSUE_MONTH_SHARE.priced}, ${ISSUE_MONTH_SHARE.cost}
     FROM ${decisions} d, invoice_lines il, work_order_parts x, report_jobs j
     WHERE il.invoice_id = d.invoice_id AND il.kind = 'part' AND il.payer = 'brand' AND x.id = il.source_id
       AND j.work_order_id = x.work_order_id AND j.picked_up_at IS NOT NULL
       AND ${MONTH('d.at')} > ${MONTH('j.picked_up_at')};`

export type Side = 'issued' | 'decided'

/**
 * A move's share under one month: in its part's issue month undone (the part back in the column it
 * left), in its own month made, as a line. Made, a move to the shop takes the part off the brand's
 * column (what it earns with it) and puts it on the shop's; a move to the brand the other way.
 */
export function moveMeasures(side: Side): SliceTable['measures'] {
  const toShop = (s: Source, column: 1 | -1 = 1) =>
    `${column * (side === 'issued' ? 1 : -1)} * (CASE ${s.line}.to_payer WHEN 'shop' THEN 1 ELSE -1 END)`
  return [
    ['lines', () => (side === 'issued' ? '0' : '1')],
    ['quantity', () => '0'],
    ['revenue_fen', (s) => `${toShop(s)} * ${s.line}.priced_fen`],
    ['cost_fen', () => '0'],
    ['brand_quantity', (s) => `${toShop(s)} * ${s.line}.quantity`],
    ['brand_fen', (s) => `${toShop(s)} * ${s.line}.priced_fen`],
    ['brand_cost_fen', (s) => `${toShop(s)} * ${s.line}.cost_fen`],
    ['shop_quantity', (s) => `${toShop(s, -1)} * ${s.line}.quantity`],
    ['shop_cost_fen', (s) => `${toShop(s, -1)} * ${s.line}.cost_fen`]
  ]
}

/** Under the part's issue month or the decision's, moving with the job's category (and technician). */
const moveSums = (side: Side) =>
  partEventSums((s) => MONTH(side === 'issued' ? 'x.issued_at' : `${s.line}.at`), moveMeasures(side), {
    months: 'category_key',
    slices: 'technician_id, category_key'
  })
const SUMS = [...moveSums('issued'), ...moveSums('decided')]
const toAll = (source: Source) => SUMS.map(({ table }) => statement(table, source))
const perGroup = (sign: 1 | -1) => (expr: string) => `${sign} * sum(${expr})`

/** One move (NEW in its trigger) with its part and job. */
const moveRow: Source = {
  line: 'NEW',
  job: 'j',
  from: ['work_order_parts x', 'report_jobs j'],
  where: ['x.id = NEW.work_order_part_id', 'j.work_order_id = x.work_order_id'],
  sum: perRow(1),
  group: false
}

/** Every move of one job, under the job's row as it was (OLD) or is now (NEW). */
const movesOfJob = (row: 'NEW' | 'OLD', sign: 1 | -1): Source => ({
  line: 'm',
  job: row,
  from: ['work_order_parts x', 'report_part_claim_moves m'],
  where: [`x.work_order_id = ${row}.work_order_id`, 'm.work_order_part_id = x.id'],
  sum: perGroup(sign),
  group: true
})

/** Every move already there, for the step's own recompute. */
const everyMove: Source = {
  line: 'm',
  job: 'j',
  from: [
    'report_part_claim_moves m JOIN work_order_parts x ON x.id = m.work_order_part_id JOIN report_jobs j ON j.work_order_id = x.work_order_id'
  ],
  where: [],
  sum: perGroup(1),
  group: true
}

export const claimDecidedLater: Migration = {
  version: 63,
  name: 'reports: a claim rejected or its rejection reversed after the pick-up month moves its parts in the month of the decision, the month reported stays',
  statements: [
    `CREATE TABLE report_part_claim_moves (
        work_order_part_id TEXT NOT NULL,
        at TEXT NOT NULL,
        to_payer TEXT NOT NULL CHECK (to_payer IN ('brand', 'shop')),
        quantity INTEGER NOT NULL,
        priced_fen INTEGER NOT NULL,
        cost_fen INTEGER NOT NULL
      )`,
    'CREATE INDEX report_part_claim_moves_part ON report_part_claim_moves(work_order_part_id)',
    'CREATE INDEX report_part_claim_moves_at ON report_part_claim_moves(at)',
    // Existing shops: the claims rejected now, decided after their pick-up's month, and their shares.
    moved(
      `(SELECT c.invoice_id, ${decidedAt('c')} AS at FROM warranty_claims c WHERE c.status = 'rejected')`,
      `'shop'`
    ),
    ...toAll(everyMove),
    trigger(
      'report_part_claim_decided_later',
      `AFTER UPDATE OF status ON warranty_claims WHEN (OLD.status = 'rejected') IS NOT (NEW.status = 'rejected')`,
      [
        moved(
          `(SELECT NEW.invoice_id AS invoice_id, ${decidedAt('NEW')} AS at)`,
          `CASE NEW.status WHEN 'rejected' THEN 'shop' ELSE 'brand' END`
        )
      ]
    ),
    trigger('report_part_claim_moves_in', 'AFTER INSERT ON report_part_claim_moves', toAll(moveRow)),
    // A job's row gone: its moves' shares go, then the moves.
    trigger('report_part_claim_moves_job_out', 'AFTER DELETE ON report_jobs', [
      ...toAll(movesOfJob('OLD', -1)),
      `DELETE FROM report_part_claim_moves
         WHERE work_order_part_id IN (SELECT id FROM work_order_parts WHERE work_order_id = OLD.work_order_id);`
    ]),
    ...['report_part_months', 'report_part_slice_months'].map((name) => {
      const sums = SUMS.filter(({ table }) => table.table === name)
      const jobColumns = sums[0]!.jobColumns
      return trigger(
        `report_part_claim_moves_${name === 'report_part_months' ? 'job' : 'slice'}_moved`,
        `AFTER UPDATE OF ${jobColumns} ON report_jobs ${changed(jobColumns)}`,
        [
          ...sums.map(({ table }) => statement(table, movesOfJob('OLD', -1))),
          ...sums.map(({ table }) => statement(table, movesOfJob('NEW', 1)))
        ]
      )
    })
  ]
}
