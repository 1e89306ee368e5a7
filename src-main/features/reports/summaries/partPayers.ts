import type { Migration } from '../../../db/migration'
import { changed, MONTH, summaryTriggers, trigger } from './migrations'
import {
  everything,
  linesOfJob,
  lineRow,
  perRow,
  SLICES,
  sliceKey,
  statement,
  union,
  type SliceTable,
  type Source
} from './slices'

/*
 * Used parts are summed by who pays for them. Until this step every part counted at its price on
 * the job, as if the customer had paid it: a part fitted free under the shop's own repair
 * warranty (a comeback reopened free) overstated the margin by its whole price. Now a part earns
 * what its payer pays: the customer or the brand (a 三包 claim asks the part's price) its price,
 * the shop nothing, while it still costs what left stock. The parts the brand pays and the parts
 * the shop gives are also summed apart, so the report shows which jobs are counted how.
 *
 * What a part earns is what its invoice line billed less what credit notes took off that line
 * (before billing, its price times the units not returned): a goodwill credit lowers it, and a
 * part handed back with its credit earns nothing and no longer costs anything.
 *
 * Who pays a part is its invoice line's payer once the job is billed (the counter may have let
 * the customer pay a part on a 三包 job), and before that the payer its kind of job starts with:
 * the brand on a 三包 repair, the shop under its own repair warranty, the customer otherwise
 * (written out here as checkout's defaultPayer says it, a migration reads no live code). The
 * billing itself moves an unbilled part's share from that payer to its line's.
 *
 * The triggers of migrations 41 and 42 that wrote the part sums are dropped and the part sums
 * rebuilt here, with the statement builders of migration 41; migration 42's job triggers are
 * made again without their part statements (otherwise identical), and the sums already kept are
 * recomputed from the lines.
 */

/** The payer a job's lines start with, by its kind of service (checkout's defaultPayer). */
export const startingPayer = (serviceType: string) =>
  `CASE ${serviceType} WHEN 'warranty_repair' THEN 'brand' WHEN 'shop_warranty_repair' THEN 'shop' ELSE 'customer' END`

/**
 * How a step's part sums read a used part: who pays it, what it earns, what it cost. Migration 50
 * says it one way, a later step (partsSettled.ts) more exactly; the triggers are built the same.
 */
export interface PartRules {
  /** Who pays the used part of a source: its invoice line's payer, or the one its job starts with. */
  payerOf: (s: Source) => string
  /** What a used part is priced at: as billed and credited, or before billing at its price on the job. */
  pricedAt: (s: Source) => string
  /** The value the used part took out of stock for good. */
  costOut: (s: Source) => string
  /** What the part a credit note line (NEW) takes an amount off was priced at before the note. */
  pricedBeforeCredit: string
  /** When billing moves a part at all (the job and part as `j` and `x`, the invoice line NEW). */
  billedWhen: string[]
}

const payerOf = (s: Source) =>
  s.payer ??
  `coalesce((SELECT il.payer FROM invoice_lines il WHERE il.source_id = ${s.line}.id AND il.kind = 'part'), ${startingPayer(
    `${s.job}.service_type`
  )})`

export const net = (s: Source) => `(${s.line}.quantity - ${s.line}.returned_quantity)`
/** What a part's invoice line billed less what credit notes took off it (their lines point at it). */
const billedLessCredits = (line: string) =>
  `(SELECT il.amount_fen + coalesce((SELECT sum(cn.amount_fen) FROM invoice_lines cn WHERE cn.source_id = il.id), 0)
     FROM invoice_lines il WHERE il.source_id = ${line}.id AND il.kind = 'part')`

/** Migration 50's rules: the invoice line's payer and amount less credits, the value not returned. */
const PAYERS_AS_BILLED: PartRules = {
  payerOf,
  pricedAt: (s) => s.priced ?? `coalesce(${billedLessCredits(s.line)}, ${s.line}.unit_price_fen * ${net(s)})`,
  costOut: (s) => `(${s.line}.cost_value_fen - ${s.line}.returned_value_fen)`,
  pricedBeforeCredit: `(${billedLessCredits('x')} - NEW.amount_fen)`,
  billedWhen: [`NEW.payer IS NOT ${startingPayer('j.service_type')}`]
}

/** A used part's measures: what it earns (nothing when the shop gives it), and the brand's and shop's shares apart. */
function partMeasures(rules: PartRules): SliceTable['measures'] {
  const { payerOf, pricedAt, costOut } = rules
  const paidBy = (s: Source, payer: 'brand' | 'shop') => `(${payerOf(s)} = '${payer}')`
  return [
    ['lines', () => '1'],
    ['quantity', net],
    ['revenue_fen', (s) => `(${payerOf(s)} != 'shop') * ${pricedAt(s)}`],
    ['cost_fen', costOut],
    ['brand_quantity', (s) => `${paidBy(s, 'brand')} * ${net(s)}`],
    ['brand_fen', (s) => `${paidBy(s, 'brand')} * ${pricedAt(s)}`],
    ['brand_cost_fen', (s) => `${paidBy(s, 'brand')} * ${costOut(s)}`],
    ['shop_quantity', (s) => `${paidBy(s, 'shop')} * ${net(s)}`],
    ['shop_cost_fen', (s) => `${paidBy(s, 'shop')} * ${costOut(s)}`]
  ]
}
const NEW_COLUMNS = ['brand_quantity', 'brand_fen', 'brand_cost_fen', 'shop_quantity', 'shop_cost_fen']

/** The shop's used parts by month, by part and by the device's category (migration 38's table). */
const partMonths = (rules: PartRules): SliceTable => ({
  table: 'report_part_months',
  keys: [
    ['dim', () => 'd.dim'],
    ['month', (s) => MONTH(`${s.line}.issued_at`)],
    ['key', (s) => `CASE d.dim WHEN 'part' THEN ${s.line}.part_id ELSE coalesce(${s.job}.category_key, '') END`]
  ],
  measures: partMeasures(rules),
  cross: [union('d', ['part', 'category'])],
  where: () => []
})

/** The same within one technician or one category (migration 41's table). */
const partSliceMonths = (rules: PartRules): SliceTable => ({
  table: 'report_part_slice_months',
  keys: [
    ['sdim', () => 's.sdim'],
    ['skey', sliceKey],
    ['dim', () => 'd.dim'],
    ['month', (s) => MONTH(`${s.line}.issued_at`)],
    ['key', (s) => `CASE d.dim WHEN 'part' THEN ${s.line}.part_id ELSE coalesce(${s.job}.category_key, '') END`]
  ],
  measures: partMeasures(rules),
  cross: [SLICES, union('d', ['part', 'category'])],
  where: () => ['d.dim != s.sdim']
})

/** The tables and the columns of report_jobs that move a job's parts in them. */
export const partSums = (rules: PartRules) => [
  { table: partMonths(rules), jobColumns: 'category_key, service_type' },
  { table: partSliceMonths(rules), jobColumns: 'technician_id, category_key, service_type' }
]
const SUMS = partSums(PAYERS_AS_BILLED)

const PART_COLUMNS =
  'work_order_id, part_id, quantity, returned_quantity, unit_price_fen, cost_value_fen, returned_value_fen, issued_at'

/**
 * The part an invoice line bills, as it stood before (-1: the payer its job started with, at its
 * price) and after (+1: the line's payer, as billed); nothing when the payer stays the same (the
 * line bills the part at its price).
 */
const billedPart = (rules: PartRules, sign: 1 | -1): Source => ({
  line: 'x',
  job: 'j',
  from: ['work_order_parts x', 'report_jobs j'],
  where: ['x.id = NEW.source_id', 'j.work_order_id = x.work_order_id', ...rules.billedWhen],
  sum: perRow(sign),
  group: false,
  ...(sign === -1
    ? { payer: startingPayer('j.service_type'), priced: 'x.unit_price_fen * (x.quantity - x.returned_quantity)' }
    : {})
})

/**
 * The part a credit note's line takes an amount off (it points at the part's invoice line), as it
 * stood before the note (-1: the amount given back) and after (+1).
 */
const creditedPart = (rules: PartRules, sign: 1 | -1): Source => ({
  line: 'x',
  job: 'j',
  from: ['invoice_lines billed', 'work_order_parts x', 'report_jobs j'],
  where: ['billed.id = NEW.source_id', 'x.id = billed.source_id', 'j.work_order_id = x.work_order_id'],
  sum: perRow(sign),
  group: false,
  ...(sign === -1 ? { priced: rules.pricedBeforeCredit } : {})
})

/** The triggers that keep the part sums, as a step's rules read a used part. */
export function partTriggers(rules: PartRules): string[] {
  const sums = partSums(rules)
  const both = (source: Source) => sums.map(({ table }) => statement(table, source))
  return [
    trigger('report_part_payers_in', 'AFTER INSERT ON work_order_parts', both(lineRow('NEW', 1))),
    trigger('report_part_payers_out', 'AFTER DELETE ON work_order_parts', both(lineRow('OLD', -1))),
    trigger(
      'report_part_payers_changed',
      `AFTER UPDATE OF ${PART_COLUMNS} ON work_order_parts ${changed(PART_COLUMNS)}`,
      [...both(lineRow('OLD', -1)), ...both(lineRow('NEW', 1))]
    ),
    trigger(
      'report_part_payers_job_out',
      'AFTER DELETE ON report_jobs',
      both(linesOfJob('work_order_parts', 'OLD', -1))
    ),
    ...sums.map(({ table, jobColumns }) =>
      trigger(`${table.table}_job_moved`, `AFTER UPDATE OF ${jobColumns} ON report_jobs ${changed(jobColumns)}`, [
        statement(table, linesOfJob('work_order_parts', 'OLD', -1)),
        statement(table, linesOfJob('work_order_parts', 'NEW', 1))
      ])
    ),
    // A job billed: each part whose line the counter gave another payer moves to it. A credit
    // note: each part it takes an amount off earns that much less.
    trigger('report_part_payers_billed', `AFTER INSERT ON invoice_lines WHEN NEW.kind = 'part'`, [
      ...both(billedPart(rules, -1)),
      ...both(billedPart(rules, 1)),
      ...both(creditedPart(rules, -1)),
      ...both(creditedPart(rules, 1))
    ])
  ]
}

/** The names of the triggers partTriggers makes, for a later step that makes them again. */
export const PART_TRIGGERS = partTriggers(PAYERS_AS_BILLED).map((statement) => triggerName(statement))

function triggerName(statement: string): string {
  return /^CREATE TRIGGER (\w+)/.exec(statement)?.[1] ?? ''
}

/** The triggers of migrations 41 and 42 that wrote the part sums. */
const WRITING_PART_SUMS = [
  'report_part_sums_in',
  'report_part_sums_out',
  'report_part_sums_changed',
  'report_part_slices_in',
  'report_part_slices_out',
  'report_part_slices_changed',
  'report_part_slices_job_out',
  'report_part_slices_job_moved'
]
/** Migration 42's job triggers that wrote part sums among other sums: made again without them. */
const JOB_TRIGGERS = ['report_job_months_out', 'report_job_lines_moved']

export const partPayers: Migration = {
  version: 50,
  name: 'reports: used parts earn what their payer pays as billed and credited (nothing under the shop warranty), brand and shop shares apart',
  statements: [
    ...[...WRITING_PART_SUMS, ...JOB_TRIGGERS].map((name) => `DROP TRIGGER ${name}`),
    ...summaryTriggers([]).filter((statement) => JOB_TRIGGERS.includes(triggerName(statement))),
    ...SUMS.flatMap(({ table }) =>
      NEW_COLUMNS.map((column) => `ALTER TABLE ${table.table} ADD COLUMN ${column} INTEGER NOT NULL DEFAULT 0`)
    ),
    ...partTriggers(PAYERS_AS_BILLED),
    // The sums kept so far priced every part at the job's price: recomputed from the lines.
    ...SUMS.flatMap(({ table }) => [`DELETE FROM ${table.table}`, statement(table, everything('work_order_parts'))])
  ]
}

/** The part sums this step recomputes, for the bench's seeding path and the tests. */
export const PART_SUM_TABLES = SUMS.map(({ table }) => table.table)
