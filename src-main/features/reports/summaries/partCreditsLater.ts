import type { Migration } from '../../../db/migration'
import { changed, MONTH, trigger } from './migrations'
import { payerOf, settled } from './partsSettled'
import { perRow, SLICES, sliceKey, statement, union, type SliceTable, type Source } from './slices'

/*
 * A used part that comes back after its job was picked up is credited in the month it came back.
 * Until this step such a return (a part handed back through a credit note) and the credit note
 * itself changed the part's line, counted in the month it was issued: a month already reported,
 * printed and handed to the owner or HQ changed after the fact. Accounting keeps a reported month
 * as it was and books the return as a credit in its own month, as a credit note is.
 *
 * What comes back or is credited after the pick-up is kept as a fact, `report_part_credits`, one
 * row per event: a ledger line returning units (their value back, less what left for good right
 * after as faulty or scrap, which still costs) or a credit note line taking an amount off what the
 * part earns (its share after the invoice's discount, as partsSettled.ts prices a part). Each
 * event is counted twice, leaving the totals as they were: added back under the month its part
 * was issued (which so stays as it stood at the pick-up) and taken off, as a negative line, under
 * its own month. The line's own sums (partsSettled.ts) are left as they are: they already move
 * with the return and the note, and the add-back undoes that for the issue month. Who pays, the
 * part and the job's category and technician are read from the line and the job as its sums read
 * them, and the events move with them (the job's kind or category corrected, HQ's decision).
 *
 * A return before the pick-up simply undoes the issue, as before: a job cancelled or handed back
 * unrepaired returns its parts at the closing, before its device is handed over. Existing shops'
 * events are found in the ledger and the credit notes dated after their job's pick-up.
 */

/** A used part `x`'s job `j` was picked up before `at`: what comes back or is credited then is credited in its month. */
const afterPickUp = (at: string) => `j.picked_up_at IS NOT NULL AND j.picked_up_at < ${at}`

type Side = 'issued' | 'credited'

/**
 * An event's share under one month: under its part's issue month added back (no line of its
 * own), under its own month taken off as a line. The event's row is `s.line`, its part `x`.
 */
function creditMeasures(side: Side): SliceTable['measures'] {
  const factor = side === 'issued' ? 1 : -1
  const payer = (s: Source) => payerOf({ ...s, line: 'x' })
  const quantity = (s: Source) => `${factor} * ${s.line}.quantity`
  const priced = (s: Source) => `${factor} * ${s.line}.priced_fen`
  const cost = (s: Source) => `${factor} * ${s.line}.cost_fen`
  const paidBy = (s: Source, by: 'brand' | 'shop') => `(${payer(s)} = '${by}')`
  return [
    ['lines', () => (side === 'issued' ? '0' : '1')],
    ['quantity', quantity],
    ['revenue_fen', (s) => `(${payer(s)} != 'shop') * ${priced(s)}`],
    ['cost_fen', cost],
    ['brand_quantity', (s) => `${paidBy(s, 'brand')} * ${quantity(s)}`],
    ['brand_fen', (s) => `${paidBy(s, 'brand')} * ${priced(s)}`],
    ['brand_cost_fen', (s) => `${paidBy(s, 'brand')} * ${cost(s)}`],
    ['shop_quantity', (s) => `${paidBy(s, 'shop')} * ${quantity(s)}`],
    ['shop_cost_fen', (s) => `${paidBy(s, 'shop')} * ${cost(s)}`]
  ]
}

const monthOf = (side: Side) => (s: Source) => MONTH(side === 'issued' ? 'x.issued_at' : `${s.line}.at`)
const partOrCategory = (s: Source) =>
  `CASE d.dim WHEN 'part' THEN x.part_id ELSE coalesce(${s.job}.category_key, '') END`

/**
 * The shop's part sums (report_part_months), and the same within a technician or category, for an
 * event of a used part `x` counted under `month` with `measures`; each with the columns of its job
 * that move it (claimDecidedLater.ts counts its moves the same way).
 */
export const partEventSums = (
  month: (s: Source) => string,
  measures: SliceTable['measures'],
  jobColumns: { months: string; slices: string }
) => [
  {
    jobColumns: jobColumns.months,
    table: {
      table: 'report_part_months',
      keys: [
        ['dim', () => 'd.dim'],
        ['month', month],
        ['key', partOrCategory]
      ],
      measures,
      cross: [union('d', ['part', 'category'])],
      where: () => []
    } satisfies SliceTable
  },
  {
    jobColumns: jobColumns.slices,
    table: {
      table: 'report_part_slice_months',
      keys: [
        ['sdim', () => 's.sdim'],
        ['skey', sliceKey],
        ['dim', () => 'd.dim'],
        ['month', month],
        ['key', partOrCategory]
      ],
      measures,
      cross: [SLICES, union('d', ['part', 'category'])],
      where: () => ['d.dim != s.sdim']
    } satisfies SliceTable
  }
]
const creditSums = (side: Side) =>
  partEventSums(monthOf(side), creditMeasures(side), {
    months: 'category_key, service_type',
    slices: 'technician_id, category_key, service_type'
  })
const SUMS = [...creditSums('issued'), ...creditSums('credited')]
const toAll = (source: Source) => SUMS.map(({ table }) => statement(table, source))
const perGroup = (sign: 1 | -1) => (expr: string) => `${sign} * sum(${expr})`

/** One event (NEW or OLD in its triggers) with its part and job. */
const eventRow = (row: 'NEW' | 'OLD', sign: 1 | -1): Source => ({
  line: row,
  job: 'j',
  from: ['work_order_parts x', 'report_jobs j'],
  where: [`x.id = ${row}.work_order_part_id`, 'j.work_order_id = x.work_order_id'],
  sum: perRow(sign),
  group: false
})

/** Every event of one job, under the job's row as it was (OLD) or is now (NEW). */
const eventsOfJob = (row: 'NEW' | 'OLD', sign: 1 | -1): Source => ({
  line: 'pc',
  job: row,
  from: ['work_order_parts x', 'report_part_credits pc'],
  where: [`x.work_order_id = ${row}.work_order_id`, 'pc.work_order_part_id = x.id'],
  sum: perGroup(sign),
  group: true
})

/** The events of the brand's part lines on the invoice a claim (NEW) was raised with, as they stood (-1) and stand (+1). */
const eventsClaimed = (sign: 1 | -1): Source => ({
  line: 'pc',
  job: 'j',
  from: ['invoice_lines il', 'work_order_parts x', 'report_part_credits pc', 'report_jobs j'],
  where: [
    'il.invoice_id = NEW.invoice_id',
    "il.kind = 'part'",
    "il.payer = 'brand'",
    'x.id = il.source_id',
    'pc.work_order_part_id = x.id',
    'j.work_order_id = x.work_order_id'
  ],
  sum: perGroup(sign),
  group: true,
  ...(sign === -1 ? { payer: `CASE WHEN OLD.status = 'rejected' THEN 'shop' ELSE 'brand' END` } : {})
})

/** Every event already there, for the backfill. */
const everyEvent: Source = {
  line: 'pc',
  job: 'j',
  from: [
    'report_part_credits pc JOIN work_order_parts x ON x.id = pc.work_order_part_id JOIN report_jobs j ON j.work_order_id = x.work_order_id'
  ],
  where: [],
  sum: perGroup(1),
  group: true
}

const COLUMNS = 'id, work_order_part_id, at, quantity, cost_fen, priced_fen'

/** The ledger line that took a returned unit (`r`) away for good right after it came back, if any. */
const leftForGood = (r: string) => `(SELECT o.value_fen FROM stock_movements o WHERE o.seq = ${r}.seq + 1
       AND o.kind IN ('faulty_return', 'scrap') AND o.part_id = ${r}.part_id AND o.at = ${r}.at AND o.reference = ${r}.reference)`

/**
 * What a credit note line (`note`, of the note `n`) took off what its part `x` earns: the part
 * priced with the credits before it less priced with the credits up to it (in the order the
 * notes were issued), so the discount's rounding lands where the triggers put it.
 */
const laterCredits = `(SELECT coalesce(sum(later.amount_fen), 0) FROM invoice_lines later JOIN invoices ln ON ln.id = later.invoice_id
       WHERE later.source_id = note.source_id AND (ln.issued_at, later.id) > (n.issued_at, note.id))`

const backfillEvents = [
  `INSERT INTO report_part_credits (${COLUMNS})
     SELECT r.id, r.work_order_part_id, r.at, r.quantity, r.value_fen + coalesce(${leftForGood('r')}, 0), 0
     FROM stock_movements r JOIN report_jobs j ON j.work_order_id = r.work_order_id
     WHERE r.kind = 'return' AND r.work_order_part_id IS NOT NULL AND ${afterPickUp('r.at')}`,
  `INSERT INTO report_part_credits (${COLUMNS})
     SELECT note.id, x.id, n.issued_at, 0, 0,
       ${settled('x', ` - ${laterCredits} - note.amount_fen`)} - ${settled('x', ` - ${laterCredits}`)}
     FROM invoice_lines note JOIN invoices n ON n.id = note.invoice_id
       JOIN invoice_lines billed ON billed.id = note.source_id
       JOIN work_order_parts x ON x.id = billed.source_id
       JOIN report_jobs j ON j.work_order_id = x.work_order_id
     WHERE note.kind = 'part' AND ${afterPickUp('n.issued_at')}`
]

export const partCreditsLater: Migration = {
  version: 55,
  name: 'reports: a used part returned or credited after its job was picked up is credited in that month, the month it was issued stays as reported',
  statements: [
    `CREATE TABLE report_part_credits (
        id TEXT PRIMARY KEY,
        work_order_part_id TEXT NOT NULL,
        at TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        cost_fen INTEGER NOT NULL,
        priced_fen INTEGER NOT NULL
      )`,
    'CREATE INDEX report_part_credits_part ON report_part_credits(work_order_part_id)',
    'CREATE INDEX report_part_credits_at ON report_part_credits(at)',
    // Existing shops: the events found in their ledger and credit notes, and their shares in the
    // sums, before the triggers below would add each event's share a second time.
    ...backfillEvents,
    ...toAll(everyEvent),
    // The events, as they happen: units back through the ledger, what left again for good, a credit note's line.
    trigger(
      'report_part_credit_returned',
      `AFTER INSERT ON stock_movements WHEN NEW.kind = 'return' AND NEW.work_order_part_id IS NOT NULL`,
      [
        `INSERT INTO report_part_credits (${COLUMNS})
           SELECT NEW.id, NEW.work_order_part_id, NEW.at, NEW.quantity, NEW.value_fen, 0
           FROM report_jobs j WHERE j.work_order_id = NEW.work_order_id AND ${afterPickUp('NEW.at')};`
      ]
    ),
    trigger(
      'report_part_credit_written_off',
      `AFTER INSERT ON stock_movements WHEN NEW.kind IN ('faulty_return', 'scrap')`,
      [
        `UPDATE report_part_credits SET cost_fen = cost_fen + NEW.value_fen
           WHERE id = (SELECT r.id FROM stock_movements r WHERE r.seq = NEW.seq - 1 AND r.kind = 'return'
             AND r.part_id = NEW.part_id AND r.at = NEW.at AND r.reference = NEW.reference);`
      ]
    ),
    trigger('report_part_credit_noted', `AFTER INSERT ON invoice_lines WHEN NEW.kind = 'part'`, [
      `INSERT INTO report_part_credits (${COLUMNS})
         SELECT NEW.id, x.id, n.issued_at, 0, 0, ${settled('x', ' - NEW.amount_fen')} - ${settled('x')}
         FROM invoice_lines billed, work_order_parts x, report_jobs j, invoices n
         WHERE billed.id = NEW.source_id AND x.id = billed.source_id AND j.work_order_id = x.work_order_id
           AND n.id = NEW.invoice_id AND ${afterPickUp('n.issued_at')};`
    ]),
    // The sums, as the events come, change and go, and as their job or payer moves.
    trigger('report_part_credits_in', 'AFTER INSERT ON report_part_credits', toAll(eventRow('NEW', 1))),
    trigger('report_part_credits_out', 'AFTER DELETE ON report_part_credits', toAll(eventRow('OLD', -1))),
    trigger(
      'report_part_credits_changed',
      `AFTER UPDATE OF quantity, cost_fen, priced_fen ON report_part_credits ${changed('quantity, cost_fen, priced_fen')}`,
      [...toAll(eventRow('OLD', -1)), ...toAll(eventRow('NEW', 1))]
    ),
    // A job's row gone: its events' shares go, then the events (their own trigger finds no job left).
    trigger('report_part_credits_job_out', 'AFTER DELETE ON report_jobs', [
      ...toAll(eventsOfJob('OLD', -1)),
      `DELETE FROM report_part_credits
         WHERE work_order_part_id IN (SELECT id FROM work_order_parts WHERE work_order_id = OLD.work_order_id);`
    ]),
    ...['report_part_months', 'report_part_slice_months'].map((name) => {
      const sums = SUMS.filter(({ table }) => table.table === name)
      const jobColumns = sums[0]!.jobColumns
      return trigger(
        `report_part_credits_${name === 'report_part_months' ? 'job' : 'slice'}_moved`,
        `AFTER UPDATE OF ${jobColumns} ON report_jobs ${changed(jobColumns)}`,
        [
          ...sums.map(({ table }) => statement(table, eventsOfJob('OLD', -1))),
          ...sums.map(({ table }) => statement(table, eventsOfJob('NEW', 1)))
        ]
      )
    }),
    trigger(
      'report_part_credits_claim_decided',
      `AFTER UPDATE OF status ON warranty_claims WHEN (OLD.status = 'rejected') IS NOT (NEW.status = 'rejected')`,
      [...toAll(eventsClaimed(-1)), ...toAll(eventsClaimed(1))]
    )
  ]
}
