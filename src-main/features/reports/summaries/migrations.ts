import type { Migration } from '../../../db/migration'

/*
 * Monthly (and for money, daily) sums of what the reports count, kept by triggers in the same
 * transaction as the fact rows and the payments, claims and parts they sum: a report over whole
 * months reads a few thousand summary rows instead of every job. Months and days are China's
 * calendar (UTC+8, the shop's default zone, which keeps no summer time); a shop in another zone
 * gets its figures from the fact rows as before. Each trigger takes the old row's share off and
 * adds the new one's, so an edit, a deletion or a device's new model moves the sums with it.
 * The statements are written out by the small builders below (literal SQL, no live constants).
 */

export const MONTH = (column: string) => `strftime('%Y-%m', ${column}, '+480 minutes')`
export const DAY = (column: string) => `strftime('%Y-%m-%d', ${column}, '+480 minutes')`
export const YEAR = (column: string) => `strftime('%Y', ${column}, '+480 minutes')`

/**
 * Used parts were summed by month and also by year: a shop has thousands of parts, and five
 * years of them by month seemed more rows than a report should read. Migration 42 dropped the
 * yearly sums (two more rows written with every part issued); `PART_MONTHS` is what is left.
 */
const PART_PERIODS: readonly PartPeriod[] = [
  { table: 'report_part_months', column: 'month', of: MONTH },
  { table: 'report_part_years', column: 'year', of: YEAR }
]
export const PART_MONTHS: readonly PartPeriod[] = PART_PERIODS.filter((period) => period.table === 'report_part_months')

/** A table of used-part sums and the period it sums by. */
interface PartPeriod {
  table: string
  column: string
  of: (column: string) => string
}

/**
 * `INSERT ... ON CONFLICT DO UPDATE` adding each measure: a row's share (sign 1) or taking it off
 * (sign -1). The select ends in a WHERE or GROUP BY, so SQLite does not read ON CONFLICT as a join.
 */
export function upsert(table: string, keys: string[], measures: string[], select: string): string {
  const all = [...keys, ...measures]
  return `INSERT INTO ${table} (${all.join(', ')}) ${select}
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${measures.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')};`
}

/** A job's share of report_job_months: one row per dimension it is counted under. */
function jobMonths(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const r = row
  return upsert(
    'report_job_months',
    ['dim', 'month', 'key', 'key2'],
    ['jobs', 'faults', 'picked_up', 'comebacks'],
    `SELECT d.dim, ${MONTH(`${r}.received_at`)}, d.key, d.key2, ${sign},
       ${sign} * (${r}.fault_cause_code IS NOT NULL), ${sign} * (${r}.picked_up_at IS NOT NULL),
       ${sign} * (${r}.picked_up_at IS NOT NULL AND ${r}.came_back = 1)
     FROM (SELECT 'all' AS dim, '' AS key, '' AS key2
       UNION ALL SELECT 'model', ${r}.brand, ${r}.model
       UNION ALL SELECT 'cause', coalesce(${r}.fault_cause_code, ''), ''
       UNION ALL SELECT 'location', coalesce(${r}.fault_location_code, ''), ''
       UNION ALL SELECT 'technician', coalesce(${r}.technician_id, ''), ''
       UNION ALL SELECT 'category', coalesce(${r}.category_key, ''), '') d WHERE true`
  )
}

/** A finished job's share of report_ready_months (technician output, by the month it became ready). */
function readyMonths(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const r = row
  return upsert(
    'report_ready_months',
    ['month', 'key'],
    ['finished', 'labour_fen', 'comebacks', 'ready_minutes'],
    `SELECT ${MONTH(`${r}.ready_at`)}, coalesce(${r}.technician_id, ''), ${sign}, ${sign} * ${r}.labour_fen,
       ${sign} * ${r}.came_back, ${sign} * coalesce(${r}.ready_minutes, 0)
     FROM (SELECT 1) WHERE ${r}.ready_at IS NOT NULL`
  )
}

/**
 * A job's turnaround in report_turnaround_months: counted at three levels (the day, the hour and
 * the minute of its duration) so an exact percentile is found by walking down from days to
 * minutes, reading only the rows under the one day and hour it falls in.
 */
function turnaroundMonths(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const r = row
  return upsert(
    'report_turnaround_months',
    ['level', 'kind', 'dim', 'key', 'value', 'month'],
    ['jobs'],
    `SELECT l.level, k.kind, d.dim, d.key, CAST(floor(k.minutes * 1.0 / l.width) AS INTEGER),
       ${MONTH(`${r}.received_at`)}, ${sign}
     FROM (SELECT 0 AS level, 1440 AS width UNION ALL SELECT 1, 60 UNION ALL SELECT 2, 1) l,
       (SELECT 'ready' AS kind, ${r}.ready_minutes AS minutes UNION ALL SELECT 'pickup', ${r}.pickup_minutes) k,
       (SELECT 'all' AS dim, '' AS key UNION ALL SELECT 'category', coalesce(${r}.category_key, '')
         UNION ALL SELECT 'technician', coalesce(${r}.technician_id, '')) d
     WHERE k.minutes IS NOT NULL`
  )
}

/** A used-part line's share of the part sums of each period, by part and by the device's category. */
function partSums(row: 'NEW' | 'OLD', sign: 1 | -1, category: string, periods: readonly PartPeriod[]): string[] {
  const r = row
  return periods.map((period) =>
    upsert(
      period.table,
      ['dim', period.column, 'key'],
      ['lines', 'quantity', 'revenue_fen', 'cost_fen'],
      `SELECT d.dim, ${period.of(`${r}.issued_at`)}, d.key, ${sign}, ${sign} * (${r}.quantity - ${r}.returned_quantity),
       ${sign} * ${r}.unit_price_fen * (${r}.quantity - ${r}.returned_quantity),
       ${sign} * (${r}.cost_value_fen - ${r}.returned_value_fen)
     FROM (SELECT 'part' AS dim, ${r}.part_id AS key UNION ALL SELECT 'category', coalesce(${category}, '')) d
     WHERE EXISTS (SELECT 1 FROM report_jobs j WHERE j.work_order_id = ${r}.work_order_id)`
    )
  )
}

/** A claim's share of report_claim_months (by the job's brand and the claim's status) and report_claim_days. */
function claimSums(row: 'NEW' | 'OLD', sign: 1 | -1, brand: string): string[] {
  const r = row
  return [
    upsert(
      'report_claim_months',
      ['month', 'brand', 'status'],
      ['claims', 'amount_fen'],
      `SELECT ${MONTH(`${r}.created_at`)}, ${brand}, ${r}.status, ${sign}, ${sign} * ${r}.amount_fen
       FROM (SELECT 1) WHERE ${brand} IS NOT NULL`
    ),
    upsert(
      'report_claim_days',
      ['day'],
      ['claims', 'amount_fen'],
      `SELECT ${DAY(`${r}.created_at`)}, ${sign}, ${sign} * ${r}.amount_fen WHERE true`
    )
  ]
}

function paymentDays(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const r = row
  return upsert(
    'report_payment_days',
    ['day', 'kind', 'method'],
    ['payments', 'amount_fen'],
    `SELECT ${DAY(`${r}.at`)}, ${r}.kind, ${r}.method, ${sign}, ${sign} * ${r}.amount_fen WHERE true`
  )
}

export const trigger = (name: string, when: string, body: string[]) =>
  `CREATE TRIGGER ${name} ${when} BEGIN
    ${body.join('\n    ')}
  END`

const jobBrand = (row: 'NEW' | 'OLD') =>
  `(SELECT j.brand FROM report_jobs j WHERE j.work_order_id = ${row}.work_order_id)`
const jobCategory = (row: 'NEW' | 'OLD') =>
  `(SELECT j.category_key FROM report_jobs j WHERE j.work_order_id = ${row}.work_order_id)`

/** Only when one of the columns really changed: the work order's own trigger rewrites them all on any change. */
export const changed = (columns: string) =>
  `WHEN ${columns
    .split(', ')
    .map((column) => `NEW.${column} IS NOT OLD.${column}`)
    .join(' OR ')}`

/**
 * The used parts and claims of the job in a report_jobs row, under its category and brand: taken
 * off when the row goes or its device's model is corrected, and added back under the new one.
 */
function jobPartsAndClaims(
  row: 'NEW' | 'OLD',
  sign: 1 | -1,
  partDims: ('category' | 'part')[],
  periods: readonly PartPeriod[]
): string[] {
  const r = row
  const partKey = { category: `coalesce(${r}.category_key, '')`, part: 'wp.part_id' }
  return [
    ...partDims.flatMap((dim) =>
      periods.map((period) =>
        upsert(
          period.table,
          ['dim', period.column, 'key'],
          ['lines', 'quantity', 'revenue_fen', 'cost_fen'],
          `SELECT '${dim}', ${period.of('wp.issued_at')}, ${partKey[dim]}, ${sign} * count(*),
             ${sign} * sum(wp.quantity - wp.returned_quantity),
             ${sign} * sum(wp.unit_price_fen * (wp.quantity - wp.returned_quantity)),
             ${sign} * sum(wp.cost_value_fen - wp.returned_value_fen)
           FROM work_order_parts wp WHERE wp.work_order_id = ${r}.work_order_id GROUP BY 2, 3`
        )
      )
    ),
    upsert(
      'report_claim_months',
      ['month', 'brand', 'status'],
      ['claims', 'amount_fen'],
      `SELECT ${MONTH('c.created_at')}, ${r}.brand, c.status, ${sign} * count(*), ${sign} * sum(c.amount_fen)
       FROM warranty_claims c WHERE c.work_order_id = ${r}.work_order_id GROUP BY 1, 3`
    )
  ]
}

/**
 * The triggers that keep the sums, with the used parts summed by the given periods: by month and
 * by year as migration 38 made them, by month only since migration 42 (partYearsDropped.ts).
 */
export function summaryTriggers(partPeriods: readonly PartPeriod[]): string[] {
  const jobColumns =
    'received_at, brand, model, category_key, technician_id, fault_cause_code, fault_location_code, picked_up_at, came_back'
  const readyColumns = 'ready_at, technician_id, labour_fen, came_back, ready_minutes'
  const turnaroundColumns = 'received_at, category_key, technician_id, ready_minutes, pickup_minutes'
  const partColumns =
    'work_order_id, part_id, quantity, returned_quantity, unit_price_fen, cost_value_fen, returned_value_fen, issued_at'
  return [
    trigger('report_job_months_in', 'AFTER INSERT ON report_jobs', [
      jobMonths('NEW', 1),
      readyMonths('NEW', 1),
      turnaroundMonths('NEW', 1)
    ]),
    trigger('report_job_months_out', 'AFTER DELETE ON report_jobs', [
      jobMonths('OLD', -1),
      readyMonths('OLD', -1),
      turnaroundMonths('OLD', -1),
      ...jobPartsAndClaims('OLD', -1, ['category', 'part'], partPeriods)
    ]),
    trigger('report_job_months_changed', `AFTER UPDATE OF ${jobColumns} ON report_jobs ${changed(jobColumns)}`, [
      jobMonths('OLD', -1),
      jobMonths('NEW', 1)
    ]),
    trigger('report_ready_months_changed', `AFTER UPDATE OF ${readyColumns} ON report_jobs ${changed(readyColumns)}`, [
      readyMonths('OLD', -1),
      readyMonths('NEW', 1)
    ]),
    trigger(
      'report_turnaround_months_changed',
      `AFTER UPDATE OF ${turnaroundColumns} ON report_jobs ${changed(turnaroundColumns)}`,
      [turnaroundMonths('OLD', -1), turnaroundMonths('NEW', 1)]
    ),
    trigger(
      'report_job_lines_moved',
      `AFTER UPDATE OF brand, category_key ON report_jobs ${changed('brand, category_key')}`,
      [
        ...jobPartsAndClaims('OLD', -1, ['category'], partPeriods),
        ...jobPartsAndClaims('NEW', 1, ['category'], partPeriods)
      ]
    ),
    trigger(
      'report_part_sums_in',
      'AFTER INSERT ON work_order_parts',
      partSums('NEW', 1, jobCategory('NEW'), partPeriods)
    ),
    trigger(
      'report_part_sums_out',
      'AFTER DELETE ON work_order_parts',
      partSums('OLD', -1, jobCategory('OLD'), partPeriods)
    ),
    trigger('report_part_sums_changed', `AFTER UPDATE OF ${partColumns} ON work_order_parts`, [
      ...partSums('OLD', -1, jobCategory('OLD'), partPeriods),
      ...partSums('NEW', 1, jobCategory('NEW'), partPeriods)
    ]),
    trigger('report_claim_sums_in', 'AFTER INSERT ON warranty_claims', claimSums('NEW', 1, jobBrand('NEW'))),
    trigger('report_claim_sums_out', 'AFTER DELETE ON warranty_claims', claimSums('OLD', -1, jobBrand('OLD'))),
    trigger(
      'report_claim_sums_changed',
      'AFTER UPDATE OF status, amount_fen, created_at, work_order_id ON warranty_claims',
      [...claimSums('OLD', -1, jobBrand('OLD')), ...claimSums('NEW', 1, jobBrand('NEW'))]
    ),
    trigger('report_payment_days_in', 'AFTER INSERT ON payments', [paymentDays('NEW', 1)]),
    trigger('report_payment_days_out', 'AFTER DELETE ON payments', [paymentDays('OLD', -1)]),
    trigger('report_payment_days_changed', 'AFTER UPDATE OF at, kind, method, amount_fen ON payments', [
      paymentDays('OLD', -1),
      paymentDays('NEW', 1)
    ])
  ]
}

/** The sums of the rows already there, grouped as the triggers would have added them one by one. */
function backfill(): string[] {
  const jobMonth = MONTH('j.received_at')
  return [
    `INSERT INTO report_job_months (dim, month, key, key2, jobs, faults, picked_up, comebacks)
      SELECT d.dim, ${jobMonth},
        CASE d.dim WHEN 'all' THEN '' WHEN 'model' THEN j.brand WHEN 'cause' THEN coalesce(j.fault_cause_code, '')
          WHEN 'location' THEN coalesce(j.fault_location_code, '') WHEN 'technician' THEN coalesce(j.technician_id, '')
          ELSE coalesce(j.category_key, '') END,
        CASE d.dim WHEN 'model' THEN j.model ELSE '' END,
        count(*), sum(j.fault_cause_code IS NOT NULL), sum(j.picked_up_at IS NOT NULL),
        sum(j.picked_up_at IS NOT NULL AND j.came_back = 1)
      FROM report_jobs j, (SELECT 'all' AS dim UNION ALL SELECT 'model' UNION ALL SELECT 'cause' UNION ALL SELECT 'location'
        UNION ALL SELECT 'technician' UNION ALL SELECT 'category') d
      GROUP BY 1, 2, 3, 4`,
    `INSERT INTO report_ready_months (month, key, finished, labour_fen, comebacks, ready_minutes)
      SELECT ${MONTH('j.ready_at')}, coalesce(j.technician_id, ''), count(*), sum(j.labour_fen), sum(j.came_back),
        sum(coalesce(j.ready_minutes, 0))
      FROM report_jobs j WHERE j.ready_at IS NOT NULL GROUP BY 1, 2`,
    `INSERT INTO report_turnaround_months (level, kind, dim, key, value, month, jobs)
      SELECT l.level, k.kind, d.dim,
        CASE d.dim WHEN 'all' THEN '' WHEN 'category' THEN coalesce(j.category_key, '') ELSE coalesce(j.technician_id, '') END,
        CAST(floor((CASE k.kind WHEN 'ready' THEN j.ready_minutes ELSE j.pickup_minutes END) * 1.0 / l.width) AS INTEGER),
        ${jobMonth}, count(*)
      FROM report_jobs j, (SELECT 0 AS level, 1440 AS width UNION ALL SELECT 1, 60 UNION ALL SELECT 2, 1) l,
        (SELECT 'ready' AS kind UNION ALL SELECT 'pickup') k,
        (SELECT 'all' AS dim UNION ALL SELECT 'category' UNION ALL SELECT 'technician') d
      WHERE (CASE k.kind WHEN 'ready' THEN j.ready_minutes ELSE j.pickup_minutes END) IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6`,
    ...PART_PERIODS.map(
      (period) => `INSERT INTO ${period.table} (dim, ${period.column}, key, lines, quantity, revenue_fen, cost_fen)
      SELECT d.dim, ${period.of('wp.issued_at')}, CASE d.dim WHEN 'part' THEN wp.part_id ELSE coalesce(j.category_key, '') END,
        count(*), sum(wp.quantity - wp.returned_quantity), sum(wp.unit_price_fen * (wp.quantity - wp.returned_quantity)),
        sum(wp.cost_value_fen - wp.returned_value_fen)
      FROM work_order_parts wp JOIN report_jobs j ON j.work_order_id = wp.work_order_id,
        (SELECT 'part' AS dim UNION ALL SELECT 'category') d
      GROUP BY 1, 2, 3`
    ),
    `INSERT INTO report_claim_months (month, brand, status, claims, amount_fen)
      SELECT ${MONTH('c.created_at')}, j.brand, c.status, count(*), sum(c.amount_fen)
      FROM warranty_claims c JOIN report_jobs j ON j.work_order_id = c.work_order_id GROUP BY 1, 2, 3`,
    `INSERT INTO report_claim_days (day, claims, amount_fen)
      SELECT ${DAY('c.created_at')}, count(*), sum(c.amount_fen) FROM warranty_claims c GROUP BY 1`,
    `INSERT INTO report_payment_days (day, kind, method, payments, amount_fen)
      SELECT ${DAY('p.at')}, p.kind, p.method, count(*), sum(p.amount_fen) FROM payments p GROUP BY 1, 2, 3`
  ]
}

export const reportSummaries: Migration = {
  version: 38,
  name: 'reports: monthly and daily report sums kept by triggers',
  statements: [
    `CREATE TABLE report_job_months (
        dim TEXT NOT NULL, month TEXT NOT NULL, key TEXT NOT NULL, key2 TEXT NOT NULL,
        jobs INTEGER NOT NULL, faults INTEGER NOT NULL, picked_up INTEGER NOT NULL, comebacks INTEGER NOT NULL,
        PRIMARY KEY (dim, month, key, key2)
      ) WITHOUT ROWID`,
    `CREATE TABLE report_ready_months (
        month TEXT NOT NULL, key TEXT NOT NULL,
        finished INTEGER NOT NULL, labour_fen INTEGER NOT NULL, comebacks INTEGER NOT NULL, ready_minutes INTEGER NOT NULL,
        PRIMARY KEY (month, key)
      ) WITHOUT ROWID`,
    `CREATE TABLE report_turnaround_months (
        level INTEGER NOT NULL, kind TEXT NOT NULL, dim TEXT NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL,
        month TEXT NOT NULL, jobs INTEGER NOT NULL,
        PRIMARY KEY (level, kind, dim, key, value, month)
      ) WITHOUT ROWID`,
    ...PART_PERIODS.map(
      (period) => `CREATE TABLE ${period.table} (
        dim TEXT NOT NULL, ${period.column} TEXT NOT NULL, key TEXT NOT NULL, lines INTEGER NOT NULL,
        quantity INTEGER NOT NULL, revenue_fen INTEGER NOT NULL, cost_fen INTEGER NOT NULL,
        PRIMARY KEY (dim, ${period.column}, key)
      ) WITHOUT ROWID`
    ),
    `CREATE TABLE report_claim_months (
        month TEXT NOT NULL, brand TEXT NOT NULL, status TEXT NOT NULL, claims INTEGER NOT NULL, amount_fen INTEGER NOT NULL,
        PRIMARY KEY (month, brand, status)
      ) WITHOUT ROWID`,
    `CREATE TABLE report_claim_days (
        day TEXT PRIMARY KEY, claims INTEGER NOT NULL, amount_fen INTEGER NOT NULL
      ) WITHOUT ROWID`,
    `CREATE TABLE report_payment_days (
        day TEXT NOT NULL, kind TEXT NOT NULL, method TEXT NOT NULL, payments INTEGER NOT NULL, amount_fen INTEGER NOT NULL,
        PRIMARY KEY (day, kind, method)
      ) WITHOUT ROWID`,
    ...summaryTriggers(PART_PERIODS),
    ...backfill()
  ]
}
