/**
 * How long the reports' settled-parts upgrade step (migration 51, summaries/partsSettled.ts) takes
 * at a big shop, statement by statement, with migration 50's recompute (partPayers.ts) beside it
 * and the raw engine's time for the plainest equivalent work: a bare GROUP BY sum over the same
 * used parts, and the same with each part's invoice line, credit notes and ledger lines joined in.
 *
 * The shop: the reports benchmark's seed (reportsSeed.ts: jobs over five years on many devices,
 * labour, parts, invoices, claims with every status) plus what the step reads and that seed leaves
 * out: each invoice's labour and part lines (payer by service type), a discount on about one
 * invoice in eight, a credit note taking a unit off about one customer part line in sixteen, and the ledger:
 * an issue per used part, and for a part handed back its return followed, for half of them, by
 * the line taking it away for good (faulty to the brand or scrapped, same time and reference).
 * Seeded once with the report triggers off into a cache folder in the temp directory, then copied
 * for each run. Then, with the step's triggers in place, the writes they follow (a claim rejected
 * and paid again, a handed-back part scrapped, a credit note on a part line), per write: each
 * should cost at a big shop what it costs at a small one.
 * Asserts nothing; the machine may be shared, so the load average is printed.
 *
 *   npx tsx tests/bench/partsSettledUpgrade.bench.ts                       (100 000 work orders)
 *   npx tsx tests/bench/partsSettledUpgrade.bench.ts --work-orders 40000
 *   npx tsx tests/bench/partsSettledUpgrade.bench.ts --fresh                (seeds the cache again)
 *   npx tsx tests/bench/partsSettledUpgrade.bench.ts --plans                (plans of statements taking 0.2 s or more)
 */
import Database from 'better-sqlite3'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../src-main/app/openApp'
import { PART_TRIGGERS, partPayers } from '../../src-main/features/reports/summaries/partPayers'
import { partsSettled } from '../../src-main/features/reports/summaries/partsSettled'
import { createShop } from '../../tools/demo/shop'
import { REPORT_TABLES, SUMS_BACKFILL } from './reportsBackfill'
import { reportFacts } from '../../src-main/features/reports/migrations'
import { seedReportsShop } from './reportsSeed'

const argument = (name: string) => {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}
const WORK_ORDERS = Number(argument('--work-orders') ?? 100_000)
const FRESH = process.argv.includes('--fresh')
/** Print the query plan of every statement taking 0.2 s or more. */
const PLANS = process.argv.includes('--plans')
const fills = (statement: string) => /^(WITH [\s\S]+ )?(INSERT INTO|DELETE FROM) report_part_/.test(statement)

/** What migration 51 reads beyond the reports seed: invoice lines, discounts, credit notes, the ledger. */
function seedSettlement(sqlite: Database.Database): Record<string, number> {
  // A hex digit of a row's random id: a deterministic pick of about one row in sixteen.
  const digit = (column: string, from: number) => `instr('0123456789abcdef', substr(${column}, ${from}, 1))`
  // The reports seed wrote its invoices without lines or discounts: filled in here, past the
  // triggers that keep an issued invoice as it was (put back after).
  const guards = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'invoices' AND sql LIKE '%immutable%'`
    )
    .all() as { name: string; sql: string }[]
  for (const { name } of guards) sqlite.exec(`DROP TRIGGER ${name}`)
  sqlite.exec(`
    INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen, amount_fen, payer)
      SELECT l.id || '-il', i.id, 1, 'labour', l.id, '工时', 1, l.price_fen, l.price_fen, 'customer'
      FROM work_order_labour l JOIN invoices i ON i.work_order_id = l.work_order_id AND i.kind = 'invoice';
    INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen, amount_fen, payer)
      SELECT x.id || '-il', i.id, 2, 'part', x.id, '配件', x.quantity - x.returned_quantity, x.unit_price_fen,
        x.unit_price_fen * (x.quantity - x.returned_quantity),
        CASE wo.service_type WHEN 'warranty_repair' THEN 'brand' ELSE 'customer' END
      FROM work_order_parts x JOIN work_orders wo ON wo.id = x.work_order_id
        JOIN invoices i ON i.work_order_id = x.work_order_id AND i.kind = 'invoice'
      WHERE x.quantity > x.returned_quantity;
    UPDATE invoices SET customer_lines_fen = lines_fen - brand_fen;
    UPDATE invoices SET discount_fen = customer_lines_fen / 10, discount_reason = '老顾客'
      WHERE customer_lines_fen > 0 AND ${digit('id', -3)} <= 2;
    UPDATE invoices SET due_fen = customer_lines_fen - discount_fen;
    INSERT INTO invoices (id, number, kind, work_order_id, corrects_invoice_id, lines_fen, brand_fen, customer_lines_fen,
        discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, reason, issued_at)
      SELECT il.id || '-cn', 'CN-' || il.id, 'credit_note', i.work_order_id, i.id, -il.unit_price_fen, 0, -il.unit_price_fen,
        0, 0, -il.unit_price_fen, 0, '退一件', i.issued_at
      FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
      WHERE il.kind = 'part' AND il.payer = 'customer' AND ${digit('il.id', -5)} = 1;
    INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen, amount_fen, payer)
      SELECT il.id || '-cn', il.id || '-cn', 1, 'part', il.id, '配件', -1, il.unit_price_fen, -il.unit_price_fen, 'customer'
      FROM invoice_lines il WHERE il.kind = 'part' AND il.payer = 'customer' AND ${digit('il.id', -5)} = 1;
  `)
  for (const { sql } of guards) sqlite.exec(sql)
  const parts = sqlite
    .prepare(
      `SELECT id, work_order_id, part_id, quantity, returned_quantity, unit_cost_fen, issued_at FROM work_order_parts ORDER BY issued_at`
    )
    .all() as {
    id: string
    work_order_id: string
    part_id: string
    quantity: number
    returned_quantity: number
    unit_cost_fen: number
    issued_at: string
  }[]
  const move = sqlite.prepare(
    `INSERT INTO stock_movements (id, part_id, at, kind, quantity, unit_cost_fen, value_fen, balance_after, reference, work_order_id, work_order_part_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, 100, ?, ?, ?)`
  )
  let movements = 0
  sqlite.transaction(() => {
    for (const [n, x] of parts.entries()) {
      const cost = x.unit_cost_fen
      move.run(
        `${x.id}-issue`,
        x.part_id,
        x.issued_at,
        'issue',
        -x.quantity,
        cost,
        -cost * x.quantity,
        x.work_order_id,
        x.work_order_id,
        x.id
      )
      movements++
      if (x.returned_quantity === 0) continue
      const back = x.returned_quantity
      move.run(
        `${x.id}-return`,
        x.part_id,
        x.issued_at,
        'return',
        back,
        cost,
        cost * back,
        x.work_order_id,
        x.work_order_id,
        x.id
      )
      movements++
      if (n % 2 === 0) {
        const kind = n % 4 === 0 ? 'faulty_return' : 'scrap'
        move.run(`${x.id}-out`, x.part_id, x.issued_at, kind, -back, cost, -cost * back, x.work_order_id, null, null)
        movements++
      }
    }
  })()
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n
  return {
    invoice_lines: count('SELECT count(*) AS n FROM invoice_lines'),
    discounted_invoices: count('SELECT count(*) AS n FROM invoices WHERE discount_fen > 0'),
    credit_notes: count(`SELECT count(*) AS n FROM invoices WHERE kind = 'credit_note'`),
    stock_movements: movements
  }
}

interface SeedRecord {
  workOrders: number
  rows: Record<string, number>
  seconds: number
}

async function seedInto(cache: string): Promise<SeedRecord> {
  rmSync(cache, { recursive: true, force: true })
  const app = openApp({ dataDir: join(cache, 'data') })
  try {
    const { users } = await createShop(app)
    const sqlite = app.sqlite
    sqlite.pragma('cache_size = -500000')
    sqlite.pragma('synchronous = OFF')
    const started = performance.now()
    const triggers = sqlite
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report!_%' ESCAPE '!'`)
      .all() as { name: string; sql: string }[]
    for (const { name } of triggers) sqlite.exec(`DROP TRIGGER ${name}`)
    const rows = seedReportsShop(sqlite, {
      workOrders: WORK_ORDERS,
      devices: Math.round(WORK_ORDERS * 0.8),
      years: 5,
      now: new Date(),
      technicianIds: [...users.values()].filter((user) => user.role === 'technician').map((user) => user.id),
      cashierId: [...users.values()][0]!.id
    })
    Object.assign(rows, seedSettlement(sqlite))
    // The report facts and every sum but the used parts' (what the timed steps write).
    sqlite.transaction(() => {
      for (const table of REPORT_TABLES) sqlite.exec(`DELETE FROM ${table}`)
      for (const statement of reportFacts.statements.filter((s) => /^(INSERT INTO|UPDATE) report_jobs\b/.test(s)))
        sqlite.exec(statement)
      for (const statement of SUMS_BACKFILL.filter((s) => !fills(s))) sqlite.exec(statement)
      for (const { sql } of triggers) sqlite.exec(sql)
    })()
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    return { workOrders: WORK_ORDERS, rows, seconds: (performance.now() - started) / 1000 }
  } finally {
    await closeApp(app)
  }
}

const short = (statement: string) => statement.replace(/\s+/g, ' ').slice(0, 90)

function plan(sqlite: Database.Database, statement: string): string {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as {
    id: number
    parent: number
    detail: string
  }[]
  const depth = new Map<number, number>([[0, 0]])
  return rows
    .map((row) => {
      depth.set(row.id, (depth.get(row.parent) ?? 0) + 1)
      return `${'    '.repeat(depth.get(row.id)!)}${row.detail}`
    })
    .join('\n')
}

function timed(sqlite: Database.Database, statement: string): number {
  const started = performance.now()
  sqlite.exec(statement)
  return (performance.now() - started) / 1000
}

/** The writes migration 51's triggers follow, at this size: each should cost what it costs at a small shop. */
function writesAfter(sqlite: Database.Database) {
  const WRITES = 20
  // The first half warms the page cache and is not counted.
  const each = (label: string, ids: string[], write: (id: string) => void) => {
    sqlite.transaction(() => ids.slice(WRITES).forEach(write))()
    const started = performance.now()
    sqlite.transaction(() => ids.slice(0, WRITES).forEach(write))()
    console.log(`  ${((performance.now() - started) / WRITES).toFixed(2).padStart(7)} ms  ${label} (${WRITES} times)`)
  }
  const ids = (sql: string) =>
    (sqlite.prepare(`${sql} LIMIT ${2 * WRITES}`).all() as { id: string }[]).map(({ id }) => id)
  console.log('a write with the triggers of migration 51, per write:')
  const decide = sqlite.prepare(`UPDATE warranty_claims SET status = ? WHERE id = ?`)
  each(
    'a claim with brand part lines rejected, then paid',
    ids(`SELECT c.id FROM warranty_claims c WHERE EXISTS (SELECT 1 FROM invoice_lines il
      WHERE il.invoice_id = c.invoice_id AND il.kind = 'part' AND il.payer = 'brand') ORDER BY c.id DESC`),
    (id) => {
      decide.run('rejected', id)
      decide.run('paid', id)
    }
  )
  const move = sqlite.prepare(
    `INSERT INTO stock_movements (id, part_id, at, kind, quantity, unit_cost_fen, value_fen, balance_after, reference, work_order_id, work_order_part_id)
     SELECT x.id || '-' || ?, x.part_id, x.issued_at, ?, ?, x.unit_cost_fen, ? * x.unit_cost_fen, 100, x.work_order_id,
       CASE WHEN ? = 'return' THEN x.work_order_id END, CASE WHEN ? = 'return' THEN x.id END
     FROM work_order_parts x WHERE x.id = ?`
  )
  each(
    'a handed-back part scrapped (its return, then the scrap ledger line)',
    ids(`SELECT id FROM work_order_parts WHERE returned_quantity > 0 ORDER BY id DESC`),
    (id) => {
      move.run('bench-return', 'return', 1, 1, 'return', 'return', id)
      move.run('bench-scrap', 'scrap', -1, -1, 'scrap', 'scrap', id)
    }
  )
  const note = sqlite.prepare(
    `INSERT INTO invoices (id, number, kind, work_order_id, corrects_invoice_id, lines_fen, brand_fen, customer_lines_fen,
       discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
     SELECT il.id || '-bench', 'BENCH-' || il.id, 'credit_note', i.work_order_id, i.id, -il.unit_price_fen, 0,
       -il.unit_price_fen, 0, 0, -il.unit_price_fen, 0, i.issued_at
     FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id WHERE il.id = ?`
  )
  const noteLine = sqlite.prepare(
    `INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen, amount_fen, payer)
     SELECT id || '-bench', id || '-bench', 1, 'part', id, '配件', -1, unit_price_fen, -unit_price_fen, payer
     FROM invoice_lines WHERE id = ?`
  )
  each(
    'a credit note taking a unit off a part line',
    ids(`SELECT id FROM invoice_lines WHERE kind = 'part' AND payer = 'customer' ORDER BY id DESC`),
    (id) => {
      note.run(id)
      noteLine.run(id)
    }
  )
}

async function main() {
  const cache = join(tmpdir(), `service-center-parts-settled-seed-${WORK_ORDERS}`)
  const recordFile = join(cache, 'seed.json')
  if (FRESH || !existsSync(recordFile)) {
    console.log(`seeding ${WORK_ORDERS} work orders into ${cache} ...`)
    writeFileSync(recordFile, JSON.stringify(await seedInto(cache), null, 2))
  }
  const record = JSON.parse(readFileSync(recordFile, 'utf8')) as SeedRecord
  console.log(
    `shop: ${record.workOrders} work orders, seeded in ${record.seconds.toFixed(1)} s; rows ${JSON.stringify(record.rows)}`
  )

  const runDir = mkdtempSync(join(tmpdir(), 'service-center-parts-settled-'))
  try {
    cpSync(join(cache, 'data'), join(runDir, 'data'), { recursive: true })
    const sqlite = new Database(join(runDir, 'data', DATABASE_FILE_NAME))
    sqlite.pragma('journal_mode = WAL')
    const before = loadavg()[0]!.toFixed(2)
    // The upgrade meets a shop at schema 50: without the triggers and index migration 51 brings.
    for (const statement of partsSettled.statements) {
      const made = /^CREATE (TRIGGER|INDEX) (\w+)/.exec(statement)
      if (made && !(made[1] === 'TRIGGER' && PART_TRIGGERS.includes(made[2]!)))
        sqlite.exec(`DROP ${made[1]} IF EXISTS ${made[2]}`)
    }
    const raw = {
      'bare GROUP BY over work_order_parts': `SELECT part_id, strftime('%Y-%m', issued_at, '+480 minutes'), count(*),
        sum(quantity - returned_quantity), sum(cost_value_fen - returned_value_fen)
        FROM work_order_parts GROUP BY 1, 2`,
      'same with invoice line, credits and ledger joined': `SELECT x.part_id, strftime('%Y-%m', x.issued_at, '+480 minutes'),
        count(*), sum(coalesce(il.amount_fen + coalesce(cn.amount_fen, 0), 0)), sum(x.cost_value_fen - coalesce(o.value_fen, 0))
        FROM work_order_parts x JOIN report_jobs j ON j.work_order_id = x.work_order_id
        LEFT JOIN invoice_lines il ON il.source_id = x.id AND il.kind = 'part'
        LEFT JOIN invoice_lines cn ON cn.source_id = il.id
        LEFT JOIN stock_movements r ON r.work_order_part_id = x.id AND r.kind = 'return'
        LEFT JOIN stock_movements o ON o.seq = r.seq + 1
        GROUP BY 1, 2`
    }
    for (const [name, sql] of Object.entries(raw)) {
      const started = performance.now()
      sqlite.prepare(sql).all()
      console.log(`raw engine, ${name}: ${((performance.now() - started) / 1000).toFixed(2)} s`)
    }
    const run = (label: string, statements: readonly string[]) => {
      let total = 0
      sqlite.transaction(() => {
        for (const statement of statements) {
          const seconds = timed(sqlite, statement)
          total += seconds
          if (seconds >= 0.05) console.log(`  ${seconds.toFixed(2).padStart(7)} s  ${short(statement)}`)
          if (PLANS && seconds >= 0.2) console.log(plan(sqlite, statement))
        }
      })()
      console.log(`${label}: ${total.toFixed(2)} s (${statements.length} statements; those under 0.05 s not listed)`)
    }
    run('migration 50, its recompute of the part sums', partPayers.statements.filter(fills))
    run('migration 51, every statement', partsSettled.statements)
    writesAfter(sqlite)
    console.log(`load average (1 min) before ${before}, after ${loadavg()[0]!.toFixed(2)}`)
    sqlite.close()
  } finally {
    rmSync(runDir, { recursive: true, force: true })
  }
}

void main()
