import type { Migration } from '../../../db/migration'
import { changed, DAY, MONTH, trigger, upsert } from './migrations'

/*
 * The report sums again, within one technician's jobs and within one category's (a "slice"), so
 * a report filtered by exactly one of them reads sums over whole months as an unfiltered one
 * does, not every job of the range. Kept by triggers in the same transaction as the change, as
 * the sums of migration 38 are. Only what those sums cannot already answer is kept: within a
 * technician, the jobs by model, fault, component and category (the technician's own total is
 * report_job_months' technician row); within a category, by model, fault, component and
 * technician. The same for turnaround (by technician and category together), technician output within a category, used parts, payments and claims. A job whose
 * technician or category is corrected moves its sums, its parts', payments' and claims' with it.
 * Every statement below is written once and used three ways: for a row going in or out (the
 * triggers), for a job's lines at once (a job moved), and grouped over all rows (the backfill).
 */

/** How a statement reads its rows and adds them up. */
export interface Source {
  /** The alias of the line row (a used part, payment or claim): NEW, OLD or the table's alias. */
  line: string
  /** The alias of the job's report_jobs row. */
  job: string
  from: string[]
  where: string[]
  /** A measure's expression to what goes into the sum: signed, summed over a group, or both. */
  sum: (expr: string) => string
  group: boolean
  /** Who pays a used part, when the statement says so rather than the line's invoice (partPayers.ts). */
  payer?: string
  /** What a used part is priced at, when the statement says so rather than its invoice (partPayers.ts). */
  priced?: string
  /** What a used part's handed-back units cost when they left for good, when the statement says so (partsSettled.ts). */
  writtenOff?: string
  /** What the brand paid on a claim, when the statement says so (claimsPaid.ts). */
  claimPaid?: string
}

export interface SliceTable {
  table: string
  keys: [name: string, expr: (s: Source) => string][]
  measures: [name: string, expr: (s: Source) => string][]
  /** The constant tables the row is crossed with (slices, dimensions, levels). */
  cross: string[]
  where: (s: Source) => string[]
}

export const perRow = (sign: 1 | -1) => (expr: string) => `${sign} * (${expr})`
const perGroup = (sign: 1 | -1) => (expr: string) => `${sign} * sum(${expr})`

/** A report_jobs row itself (NEW or OLD in its triggers). */
const jobRow = (row: 'NEW' | 'OLD', sign: 1 | -1): Source => ({
  line: row,
  job: row,
  from: [],
  where: [],
  sum: perRow(sign),
  group: false
})
/** A line as it goes in or out, with its job (lines of a job not in report_jobs count nowhere). */
export const lineRow = (row: 'NEW' | 'OLD', sign: 1 | -1): Source => ({
  line: row,
  job: 'j',
  from: ['report_jobs j'],
  where: [`j.work_order_id = ${row}.work_order_id`],
  sum: perRow(sign),
  group: false
})
/** Every line of one job, under the job's row as it was (OLD) or is now (NEW). */
export const linesOfJob = (lines: string, row: 'NEW' | 'OLD', sign: 1 | -1): Source => ({
  line: 'x',
  job: row,
  from: [`${lines} x`],
  where: [`x.work_order_id = ${row}.work_order_id`],
  sum: perGroup(sign),
  group: true
})
/** Every job (or line with its job) already there, for the backfill. */
export const everything = (lines: string | null): Source => ({
  line: lines === null ? 'j' : 'x',
  job: 'j',
  from: [lines === null ? 'report_jobs j' : `${lines} x JOIN report_jobs j ON j.work_order_id = x.work_order_id`],
  where: [],
  sum: perGroup(1),
  group: true
})

export function statement(t: SliceTable, s: Source): string {
  const where = [...s.where, ...t.where(s)]
  const select = `SELECT ${[...t.keys.map(([, expr]) => expr(s)), ...t.measures.map(([, expr]) => s.sum(expr(s)))].join(', ')}
       FROM ${[...s.from, ...t.cross].join(', ')} WHERE ${where.length === 0 ? 'true' : where.join(' AND ')}${
         s.group ? ` GROUP BY ${t.keys.map((_, i) => i + 1).join(', ')}` : ''
       }`
  return upsert(
    t.table,
    t.keys.map(([name]) => name),
    t.measures.map(([name]) => name),
    select
  )
}

export const SLICES = `(SELECT 'technician' AS sdim UNION ALL SELECT 'category') s`
export const sliceKey = (s: Source) =>
  `CASE s.sdim WHEN 'technician' THEN coalesce(${s.job}.technician_id, '') ELSE coalesce(${s.job}.category_key, '') END`
export const union = (alias: string, values: string[]) =>
  `(SELECT '${values[0]}' AS dim${values
    .slice(1)
    .map((v) => ` UNION ALL SELECT '${v}'`)
    .join('')}) ${alias}`
/** The other of the two slice dimensions: the one a slice is cut by. */
const crossKey = (s: Source) =>
  `CASE d.dim WHEN 'technician' THEN coalesce(${s.job}.technician_id, '') ELSE coalesce(${s.job}.category_key, '') END`

const jobSlices: SliceTable = {
  table: 'report_job_slices',
  keys: [
    ['sdim', () => 's.sdim'],
    ['skey', sliceKey],
    ['dim', () => 'd.dim'],
    ['month', (s) => MONTH(`${s.job}.received_at`)],
    [
      'key',
      (s) => `CASE d.dim WHEN 'model' THEN ${s.job}.brand WHEN 'cause' THEN coalesce(${s.job}.fault_cause_code, '')
         WHEN 'location' THEN coalesce(${s.job}.fault_location_code, '') ELSE ${crossKey(s)} END`
    ],
    ['key2', (s) => `CASE d.dim WHEN 'model' THEN ${s.job}.model ELSE '' END`]
  ],
  measures: [
    ['jobs', () => '1'],
    ['faults', (s) => `${s.job}.fault_cause_code IS NOT NULL`],
    ['picked_up', (s) => `${s.job}.picked_up_at IS NOT NULL`],
    ['comebacks', (s) => `${s.job}.picked_up_at IS NOT NULL AND ${s.job}.came_back = 1`]
  ],
  cross: [SLICES, union('d', ['model', 'cause', 'location', 'technician', 'category'])],
  where: () => ['d.dim != s.sdim']
}

const minutes = (s: Source) => `CASE k.kind WHEN 'ready' THEN ${s.job}.ready_minutes ELSE ${s.job}.pickup_minutes END`
/**
 * Turnaround by technician and category together, once: a technician's categories and a
 * category's technicians are both found by the pair (the key holds both), which keeps a million
 * jobs' minute counts to one row per pair rather than one per slice.
 */
const turnaroundPairs: SliceTable = {
  table: 'report_turnaround_pairs',
  keys: [
    ['level', () => 'l.level'],
    ['kind', () => 'k.kind'],
    ['technician', (s) => `coalesce(${s.job}.technician_id, '')`],
    ['category', (s) => `coalesce(${s.job}.category_key, '')`],
    ['value', (s) => `CAST(floor(${minutes(s)} * 1.0 / l.width) AS INTEGER)`],
    ['month', (s) => MONTH(`${s.job}.received_at`)]
  ],
  measures: [['jobs', () => '1']],
  cross: [
    '(SELECT 0 AS level, 1440 AS width UNION ALL SELECT 1, 60 UNION ALL SELECT 2, 1) l',
    `(SELECT 'ready' AS kind UNION ALL SELECT 'pickup') k`
  ],
  where: (s) => [`${minutes(s)} IS NOT NULL`]
}

/** Technician output within a category (within a technician it is report_ready_months' own row). */
const readyCategories: SliceTable = {
  table: 'report_ready_categories',
  keys: [
    ['category', (s) => `coalesce(${s.job}.category_key, '')`],
    ['month', (s) => MONTH(`${s.job}.ready_at`)],
    ['technician', (s) => `coalesce(${s.job}.technician_id, '')`]
  ],
  measures: [
    ['finished', () => '1'],
    ['labour_fen', (s) => `${s.job}.labour_fen`],
    ['comebacks', (s) => `${s.job}.came_back`],
    ['ready_minutes', (s) => `coalesce(${s.job}.ready_minutes, 0)`]
  ],
  cross: ['(SELECT 1)'],
  where: (s) => [`${s.job}.ready_at IS NOT NULL`]
}

/**
 * Used parts by part and by category within a technician, by part within a category; by month
 * only: a yearly table as the shop's sums have would write three more rows with every part issued
 * (the counter's busiest write), to save a report a few thousand monthly rows.
 */
const partSliceMonths: SliceTable = {
  table: 'report_part_slice_months',
  keys: [
    ['sdim', () => 's.sdim'],
    ['skey', sliceKey],
    ['dim', () => 'd.dim'],
    ['month', (s) => MONTH(`${s.line}.issued_at`)],
    ['key', (s) => `CASE d.dim WHEN 'part' THEN ${s.line}.part_id ELSE coalesce(${s.job}.category_key, '') END`]
  ],
  measures: [
    ['lines', () => '1'],
    ['quantity', (s) => `${s.line}.quantity - ${s.line}.returned_quantity`],
    ['revenue_fen', (s) => `${s.line}.unit_price_fen * (${s.line}.quantity - ${s.line}.returned_quantity)`],
    ['cost_fen', (s) => `${s.line}.cost_value_fen - ${s.line}.returned_value_fen`]
  ],
  cross: [SLICES, union('d', ['part', 'category'])],
  where: () => ['d.dim != s.sdim']
}

const paymentSlices: SliceTable = {
  table: 'report_payment_slices',
  keys: [
    ['sdim', () => 's.sdim'],
    ['skey', sliceKey],
    ['day', (s) => DAY(`${s.line}.at`)],
    ['kind', (s) => `${s.line}.kind`],
    ['method', (s) => `${s.line}.method`]
  ],
  measures: [
    ['payments', () => '1'],
    ['amount_fen', (s) => `${s.line}.amount_fen`]
  ],
  cross: [SLICES],
  where: () => []
}

/** Claims by day, brand and status: the takings add up the days, the claims report the brands. */
export const claimSlices: SliceTable = {
  table: 'report_claim_slices',
  keys: [
    ['sdim', () => 's.sdim'],
    ['skey', sliceKey],
    ['day', (s) => DAY(`${s.line}.created_at`)],
    ['brand', (s) => `${s.job}.brand`],
    ['status', (s) => `${s.line}.status`]
  ],
  measures: [
    ['claims', () => '1'],
    ['amount_fen', (s) => `${s.line}.amount_fen`]
  ],
  cross: [SLICES],
  where: () => []
}

/** The line tables: their slice sums, the columns that move them, and the job columns that move them. */
const LINES = [
  {
    name: 'report_part_slices',
    table: 'work_order_parts',
    sums: [partSliceMonths],
    columns:
      'work_order_id, part_id, quantity, returned_quantity, unit_price_fen, cost_value_fen, returned_value_fen, issued_at',
    jobColumns: 'technician_id, category_key'
  },
  {
    name: 'report_payment_slices',
    table: 'payments',
    sums: [paymentSlices],
    columns: 'at, kind, method, amount_fen, work_order_id',
    jobColumns: 'technician_id, category_key'
  },
  {
    name: 'report_claim_slices',
    table: 'warranty_claims',
    sums: [claimSlices],
    columns: 'status, amount_fen, created_at, work_order_id',
    jobColumns: 'technician_id, category_key, brand'
  }
]

/** The job sums and the columns of report_jobs that move them. */
const JOBS = [
  {
    table: jobSlices,
    columns:
      'received_at, brand, model, category_key, technician_id, fault_cause_code, fault_location_code, picked_up_at, came_back'
  },
  { table: turnaroundPairs, columns: 'received_at, category_key, technician_id, ready_minutes, pickup_minutes' },
  { table: readyCategories, columns: 'ready_at, category_key, technician_id, labour_fen, came_back, ready_minutes' }
]

function sliceTriggers(): string[] {
  const forJobs = JOBS.flatMap(({ table, columns }) => [
    trigger(`${table.table}_in`, 'AFTER INSERT ON report_jobs', [statement(table, jobRow('NEW', 1))]),
    trigger(`${table.table}_out`, 'AFTER DELETE ON report_jobs', [statement(table, jobRow('OLD', -1))]),
    trigger(`${table.table}_changed`, `AFTER UPDATE OF ${columns} ON report_jobs ${changed(columns)}`, [
      statement(table, jobRow('OLD', -1)),
      statement(table, jobRow('NEW', 1))
    ])
  ])
  const forLines = LINES.flatMap(({ name, table, sums, columns, jobColumns }) => [
    trigger(
      `${name}_in`,
      `AFTER INSERT ON ${table}`,
      sums.map((sum) => statement(sum, lineRow('NEW', 1)))
    ),
    trigger(
      `${name}_out`,
      `AFTER DELETE ON ${table}`,
      sums.map((sum) => statement(sum, lineRow('OLD', -1)))
    ),
    trigger(`${name}_changed`, `AFTER UPDATE OF ${columns} ON ${table} ${changed(columns)}`, [
      ...sums.map((sum) => statement(sum, lineRow('OLD', -1))),
      ...sums.map((sum) => statement(sum, lineRow('NEW', 1)))
    ]),
    // The job's lines go with it when its row goes or its technician or category is corrected.
    trigger(
      `${name}_job_out`,
      'AFTER DELETE ON report_jobs',
      sums.map((sum) => statement(sum, linesOfJob(table, 'OLD', -1)))
    ),
    trigger(`${name}_job_moved`, `AFTER UPDATE OF ${jobColumns} ON report_jobs ${changed(jobColumns)}`, [
      ...sums.map((sum) => statement(sum, linesOfJob(table, 'OLD', -1))),
      ...sums.map((sum) => statement(sum, linesOfJob(table, 'NEW', 1)))
    ])
  ])
  return [...forJobs, ...forLines]
}

/** The sums of the rows already there, grouped as the triggers would have added them one by one. */
function backfill(): string[] {
  return [
    ...JOBS.map(({ table }) => statement(table, everything(null))),
    ...LINES.flatMap(({ table, sums }) => sums.map((sum) => statement(sum, everything(table))))
  ]
}

export const reportSlices: Migration = {
  version: 41,
  name: 'reports: the report sums within one technician and within one category, kept by triggers',
  statements: [
    `CREATE TABLE report_job_slices (
        sdim TEXT NOT NULL, skey TEXT NOT NULL, dim TEXT NOT NULL, month TEXT NOT NULL, key TEXT NOT NULL,
        key2 TEXT NOT NULL, jobs INTEGER NOT NULL, faults INTEGER NOT NULL, picked_up INTEGER NOT NULL,
        comebacks INTEGER NOT NULL,
        PRIMARY KEY (sdim, skey, dim, month, key, key2)
      ) WITHOUT ROWID`,
    `CREATE TABLE report_turnaround_pairs (
        level INTEGER NOT NULL, kind TEXT NOT NULL, technician TEXT NOT NULL, category TEXT NOT NULL,
        value INTEGER NOT NULL, month TEXT NOT NULL, jobs INTEGER NOT NULL,
        PRIMARY KEY (level, kind, technician, category, value, month)
      ) WITHOUT ROWID`,
    `CREATE TABLE report_ready_categories (
        category TEXT NOT NULL, month TEXT NOT NULL, technician TEXT NOT NULL, finished INTEGER NOT NULL,
        labour_fen INTEGER NOT NULL, comebacks INTEGER NOT NULL, ready_minutes INTEGER NOT NULL,
        PRIMARY KEY (category, month, technician)
      ) WITHOUT ROWID`,
    `CREATE TABLE report_part_slice_months (
        sdim TEXT NOT NULL, skey TEXT NOT NULL, dim TEXT NOT NULL, month TEXT NOT NULL, key TEXT NOT NULL,
        lines INTEGER NOT NULL, quantity INTEGER NOT NULL, revenue_fen INTEGER NOT NULL, cost_fen INTEGER NOT NULL,
        PRIMARY KEY (sdim, skey, dim, month, key)
      ) WITHOUT ROWID`,
    `CREATE TABLE report_payment_slices (
        sdim TEXT NOT NULL, skey TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, method TEXT NOT NULL,
        payments INTEGER NOT NULL, amount_fen INTEGER NOT NULL,
        PRIMARY KEY (sdim, skey, day, kind, method)
      ) WITHOUT ROWID`,
    `CREATE TABLE report_claim_slices (
        sdim TEXT NOT NULL, skey TEXT NOT NULL, day TEXT NOT NULL, brand TEXT NOT NULL, status TEXT NOT NULL,
        claims INTEGER NOT NULL, amount_fen INTEGER NOT NULL,
        PRIMARY KEY (sdim, skey, day, brand, status)
      ) WITHOUT ROWID`,
    ...sliceTriggers(),
    ...backfill()
  ]
}

/** The tables this migration keeps, for the bench's seeding path and the tests. */
export const SLICE_TABLES = [
  'report_job_slices',
  'report_turnaround_pairs',
  'report_ready_categories',
  'report_part_slice_months',
  'report_payment_slices',
  'report_claim_slices'
] as const
