/**
 * Parts benchmark: seeds 20 000 parts with a ledger of 2 000 000 stock movements (issues on real
 * work orders, over three years) into a throw-away database, then measures through the same
 * dispatch path the UI uses: issuing a part to a work order (p50/p95/p99), sustained ledger
 * movements per second for a receive/issue/return mix, part search as you type (part-number
 * prefix, Chinese name, pinyin initials, barcode, compatible model), and verifying the whole
 * ledger against the books. Next to them, the same work in raw SQLite (better-sqlite3 prepared
 * statements, no Kysely, no dispatch) shows what the layers above cost. Prints; asserts nothing.
 *
 *   npm run bench:parts      # MOVEMENTS=500000 for a shorter run; KEEP_DB=1 keeps the database
 *   MOVEMENTS=50000 WORK_ORDERS=20000 npm run bench:parts   # a quick look (the WAL pages an issue writes)
 *   NO_CHECKPOINT_WORKER=1 npm run bench:parts              # checkpoints in the commits, as before the worker
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../src-main/app/openApp'
import { pinyinInitials } from '../../src-main/features/search/searchText'
import { findActiveUser } from '../../src-main/features/auth/users'
import { issuePart } from '../../src-main/features/parts/workOrderParts/issuePart'
import { Random } from '../../tools/demo/random'
import { createShop, must } from '../../tools/demo/shop'
import type { AppContext } from '../../src-main/app/context'
import { uuidv7 } from '../../src-shared/domain/ids'
import { outgoingValueFen, averageCostFen } from '../../src-shared/domain/stock'
import { CLOSED_STATUSES } from '../../src-shared/domain/workOrderStatus'
import { seedRepairs } from './seed'
import { seedParts, type PartStock } from './partsSeed'
import { startCpuProfile } from './cpuProfile'

const PARTS = 20_000
const MOVEMENTS = Number(process.env.MOVEMENTS ?? 2_000_000)
const WORK_ORDERS = Number(process.env.WORK_ORDERS ?? 200_000)
const CUSTOMERS = Math.round(WORK_ORDERS * 0.3)
const HISTORY_DAYS = 1_095 // three years
const ISSUES = 3_000
const SERVICE_ISSUES = 1_000
const RAW_ISSUES = 1_000
const WARM_UP = 100
/** Issues whose WAL pages are counted: few enough that the automatic checkpoint's 1 000 pages hold them. */
const WAL_ISSUES = 30
const MIX_SECONDS = 10
const SEARCHES = 300
const SEARCH_WARM_UP = 20
const SEARCH_TARGET_P95_MS = 30
const ISSUE_TARGET_P95_MS = 2

const NAME_WORDS = [
  '屏幕总成',
  '电池',
  '尾插排线',
  '后置摄像头模组',
  '主板',
  '空调压缩机',
  '四通阀',
  '洗衣机排水泵',
  '电脑板',
  '冰箱温控器'
]

/**
 * The pages one issue adds to the WAL: what its commit writes and syncs at synchronous=FULL, the
 * part of an issue's time that grows with every summary or index row it touches. Unlike a
 * timing, it does not depend on the machine's load.
 */
async function walPagesPerIssue(
  app: AppContext,
  dataDir: string,
  issues: number,
  issue: () => Promise<unknown>
): Promise<string> {
  const file = join(dataDir, `${DATABASE_FILE_NAME}-wal`)
  // Counted from an empty WAL: a checkpoint that a reader held back would leave pages in it.
  const [checkpoint] = app.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[]
  if (checkpoint?.busy !== 0 || checkpoint.log !== 0) throw new Error('the WAL could not be emptied before counting')
  for (let i = 0; i < issues; i++) await issue()
  // The WAL file: a 32-byte header, then one frame (a 24-byte header and the page) per page written.
  const pageSize = app.sqlite.pragma('page_size', { simple: true }) as number
  const frames = (statSync(file).size - 32) / (pageSize + 24)
  return `WAL pages written per issue: ${(frames / issues).toFixed(1)} (${issues} issues through dispatch)`
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

interface Row {
  label: string
  timings: number[]
  /** Rows each call found, on average (searches). */
  hits?: number
  target?: number
}

/** Columns as a terminal shows them: Chinese characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (char.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0)
}

function printTable(rows: Row[]): void {
  const header = ['call', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'avg hits', 'p95 target']
  const lines = rows.map((row) => {
    const sorted = [...row.timings].sort((a, b) => a - b)
    const p95 = percentile(sorted, 95)
    return [
      row.label,
      String(sorted.length),
      percentile(sorted, 50).toFixed(2),
      p95.toFixed(2),
      percentile(sorted, 99).toFixed(2),
      sorted[sorted.length - 1]!.toFixed(2),
      row.hits === undefined ? '' : row.hits >= 100 ? row.hits.toFixed(0) : row.hits.toFixed(1),
      row.target === undefined ? '' : `< ${row.target} ${p95 < row.target ? 'met' : 'MISSED'}`
    ]
  })
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => displayWidth(l[c]!))))
  const pad = (cell: string, width: number, start: boolean) =>
    start ? ' '.repeat(width - displayWidth(cell)) + cell : cell + ' '.repeat(width - displayWidth(cell))
  const format = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c]!, c !== 0)).join('  ')
  console.log(format(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const line of lines) console.log(format(line))
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** Picks parts that are on the shelf, keeping track of what the bench itself takes out. */
class Shelf {
  private readonly candidates: PartStock[]

  constructor(
    stock: PartStock[],
    private readonly random: Random
  ) {
    this.candidates = stock.filter((part) => part.onHand >= 3)
  }

  take(): PartStock {
    for (;;) {
      const part = this.random.pick(this.candidates)
      if (part.onHand >= 1) {
        part.onHand--
        return part
      }
    }
  }

  find(partId: string): PartStock | undefined {
    return this.candidates.find((part) => part.id === partId)
  }
}

/**
 * The issue's writes done by hand: the same reads, the line, the ledger line, the part's books,
 * the outbox and audit rows, in one BEGIN IMMEDIATE transaction, then what the app answers with:
 * the job's rows in the warehouse's queue and their parts' barcodes. Correct books (the ledger
 * check at the end includes these), no Kysely, no dispatch.
 */
function rawIssuer(app: AppContext, clerkId: string) {
  const s = app.sqlite
  const order = s.prepare('SELECT * FROM work_orders WHERE id = ?')
  const part = s.prepare('SELECT * FROM parts WHERE id = ?')
  const request = s.prepare(
    `SELECT * FROM work_order_part_requests WHERE work_order_id = ? AND part_id = ? AND status = 'open' ORDER BY requested_at LIMIT 1`
  )
  const insertLine = s.prepare(
    `INSERT INTO work_order_parts (id, work_order_id, part_id, request_id, serial, quantity, returned_quantity, unit_price_fen, unit_cost_fen,
       cost_value_fen, returned_value_fen, issued_by, issued_at)
     VALUES (?, ?, ?, NULL, ?, ?, 0, ?, ?, ?, 0, ?, ?)`
  )
  const updatePart = s.prepare(
    'UPDATE parts SET on_hand = ?, stock_value_fen = ?, average_cost_fen = ?, updated_at = ? WHERE id = ? AND on_hand = ? AND stock_value_fen = ?'
  )
  const insertMovement = s.prepare(
    `INSERT INTO stock_movements (id, part_id, at, kind, quantity, unit_cost_fen, value_fen, balance_after, reference, reason, serial, work_order_id, work_order_part_id, actor_id)
     VALUES (?, ?, ?, 'issue', ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`
  )
  const outbox = s.prepare(
    `INSERT INTO outbox (id, at, entity, entity_id, operation, payload_json, sent_at) VALUES (?, ?, 'stock_movement', ?, 'upsert', ?, NULL)`
  )
  const audit = s.prepare(
    `INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, before_json, after_json) VALUES (?, ?, ?, 'workOrderParts.issue', 'work_order', ?, NULL, ?)`
  )
  const queueRows = s.prepare(
    `SELECT r.*, p.part_number, p.name, p.bin_location, p.on_hand, p.serial_tracked, w.number, w.status, d.brand, d.model,
       u.display_name, t.display_name AS technician
     FROM work_order_part_requests r JOIN parts p ON p.id = r.part_id JOIN work_orders w ON w.id = r.work_order_id
     JOIN devices d ON d.id = w.device_id LEFT JOIN users u ON u.id = r.requested_by LEFT JOIN users t ON t.id = w.technician_id
     WHERE r.status = 'open' AND r.work_order_id = ? ORDER BY r.requested_at LIMIT 500`
  )
  const barcodes = s.prepare(
    `SELECT part_id, barcode FROM part_barcodes WHERE part_id IN
       (SELECT part_id FROM work_order_part_requests WHERE work_order_id = ? AND status = 'open') ORDER BY barcode`
  )
  const issue = s.transaction((workOrderId: string, partId: string, quantity: number, serial: string | null) => {
    const now = new Date()
    const at = now.toISOString()
    const wo = order.get(workOrderId) as { id: string; number: string }
    const p = part.get(partId) as {
      id: string
      part_number: string
      on_hand: number
      stock_value_fen: number
      average_cost_fen: number
      selling_price_fen: number
    }
    request.get(workOrderId, partId)
    const leaving = outgoingValueFen({ onHand: p.on_hand, valueFen: p.stock_value_fen }, quantity)
    const unitCostFen = Math.round(leaving / quantity)
    const lineId = uuidv7(now.getTime())
    insertLine.run(lineId, wo.id, p.id, serial, quantity, p.selling_price_fen, unitCostFen, leaving, clerkId, at)
    const after = { onHand: p.on_hand - quantity, valueFen: p.stock_value_fen - leaving }
    updatePart.run(
      after.onHand,
      after.valueFen,
      averageCostFen(after, p.average_cost_fen),
      at,
      p.id,
      p.on_hand,
      p.stock_value_fen
    )
    const movementId = uuidv7(now.getTime())
    insertMovement.run(
      movementId,
      p.id,
      at,
      -quantity,
      unitCostFen,
      -leaving,
      after.onHand,
      wo.number,
      serial,
      wo.id,
      lineId,
      clerkId
    )
    outbox.run(
      uuidv7(now.getTime()),
      at,
      movementId,
      JSON.stringify({ id: movementId, partId, quantity: -quantity, partNumber: p.part_number })
    )
    audit.run(
      uuidv7(now.getTime()),
      at,
      clerkId,
      wo.id,
      JSON.stringify({ lineId, partNumber: p.part_number, quantity, serial })
    )
  })
  return (workOrderId: string, partId: string, quantity: number, serial: string | null) => {
    issue.immediate(workOrderId, partId, quantity, serial)
    return { queueRows: queueRows.all(workOrderId), barcodes: barcodes.all(workOrderId) }
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'service-center-parts-bench-'))
  const app = openApp({ dataDir: dir })
  try {
    console.log(
      `Parts benchmark: ${PARTS.toLocaleString('en')} parts, ${MOVEMENTS.toLocaleString('en')} stock movements over ${HISTORY_DAYS} days, on ${WORK_ORDERS.toLocaleString('en')} work orders`
    )
    console.log(`Database: ${join(dir, DATABASE_FILE_NAME)}${process.env.KEEP_DB ? '' : ' (removed at the end)'}\n`)
    const { token: setupToken, users } = await createShop(app)
    const adminId = app.sessions.get(setupToken)!.userId
    const byRole = (role: string) => [...users.values()].filter((u) => u.role === role).map((u) => u.id)
    const clerkId = byRole('warehouse_clerk')[0]!
    const clerk = (await findActiveUser(app.db, clerkId, new Date()))!

    const now = new Date()
    const repairs = seedRepairs(app.sqlite, {
      customers: CUSTOMERS,
      workOrders: WORK_ORDERS,
      days: HISTORY_DAYS,
      now,
      technicianIds: byRole('technician'),
      deskUserIds: byRole('front_desk'),
      managerId: byRole('manager')[0]!
    })
    const repairRows = Object.values(repairs.rows).reduce((sum, n) => sum + n, 0)
    console.log(
      `Seeding work orders: ${repairRows.toLocaleString('en')} rows in ${repairs.seconds.toFixed(1)} s (seed.ts)`
    )
    const seed = seedParts(app.sqlite, { parts: PARTS, movements: MOVEMENTS, now, days: HISTORY_DAYS, clerkId })
    const seedRows = Object.values(seed.rows).reduce((sum, n) => sum + n, 0)
    app.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    console.log(
      `Seeding parts: ${seedRows.toLocaleString('en')} rows in ${seed.seconds.toFixed(1)} s = ${Math.round(seedRows / seed.seconds).toLocaleString('en')} rows/s (foreign keys on)`
    )
    console.log(
      `  ${Object.entries(seed.rows)
        .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
        .join(', ')}`
    )
    console.log(
      `  movements: ${Object.entries(seed.movementsByKind)
        .map(([kind, n]) => `${kind} ${n.toLocaleString('en')}`)
        .join(', ')}`
    )
    console.log(
      `  of which partSearchText (pinyin) for ${PARTS.toLocaleString('en')} parts: ${seed.searchTextSeconds.toFixed(1)} s`
    )
    console.log(`Database file: ${(statSync(join(dir, DATABASE_FILE_NAME)).size / 1024 / 1024).toFixed(1)} MiB\n`)

    // Signed in once the seeding is done: a long seeding would leave the session idle-locked.
    const token = app.sessions.create(clerkId, new Date()).token
    const adminToken = app.sessions.create(adminId, new Date()).token
    const random = new Random(11)
    const shelf = new Shelf(seed.stock, random)
    const openOrders = app.sqlite
      .prepare(
        `SELECT id FROM work_orders WHERE status NOT IN (${[...CLOSED_STATUSES].map((s) => `'${s}'`).join(', ')})`
      )
      .pluck()
      .all() as string[]
    let serials = 0
    // Only a serial on the shelf may leave; the seeded stock has none on the books, so until a
    // serialised delivery comes a new serial stands for one of those units.
    const serialOnShelf = app.sqlite.prepare(
      `SELECT serial FROM stock_movements WHERE part_id = ? AND serial IS NOT NULL
       GROUP BY serial HAVING SUM(quantity) > 0 LIMIT 1`
    )
    const issueInput = () => {
      const part = shelf.take()
      return {
        workOrderId: random.pick(openOrders),
        partId: part.id,
        quantity: 1,
        serial: part.serialTracked
          ? ((serialOnShelf.pluck().get(part.id) as string | undefined) ?? `BENCH${serials++}`)
          : null
      }
    }
    const dispatchIssue = (input: ReturnType<typeof issueInput>) =>
      must(
        app,
        'workOrderParts.issue',
        {
          workOrderId: input.workOrderId,
          partId: input.partId,
          quantity: input.quantity,
          ...(input.serial ? { serial: input.serial } : {})
        },
        token
      )

    // 1. Issuing a part to a work order.
    console.log(
      `Issue to a work order: ${ISSUES.toLocaleString('en')} issues through dispatch (${WARM_UP} warm-up), to ${openOrders.length.toLocaleString('en')} open jobs, synchronous=FULL,\n` +
        `  interleaved with ${SERVICE_ISSUES.toLocaleString('en')} through the service alone and ${RAW_ISSUES.toLocaleString('en')} of each raw series`
    )
    // The shop server folds its WAL back in a worker (db/checkpointWorker.ts); without it each
    // connection checkpoints inside the commit that crosses 1 000 pages, as before.
    if (process.env.NO_CHECKPOINT_WORKER) await app.checkpoints?.stop()
    console.log(
      `  checkpoints: ${app.checkpoints && !process.env.NO_CHECKPOINT_WORKER ? 'in the worker' : "in the connection's commits"}`
    )
    for (let i = 0; i < WARM_UP; i++) await dispatchIssue(issueInput())
    // The four series run interleaved, as the issue measured them: each round one issue through
    // dispatch and, every third round, one of each of the others, in turn, so that the machine's
    // moments of load and the WAL's growth fall on all of them alike.
    const raw = rawIssuer(app, clerkId)
    app.sqlite.exec('CREATE TABLE bench_commits (n INTEGER NOT NULL)')
    const bump = app.sqlite.prepare('INSERT INTO bench_commits (n) VALUES (1)')
    const series: { label: string; every: number; call: () => Promise<unknown> | unknown; timings: number[] }[] = [
      {
        label: 'workOrderParts.issue through dispatch',
        every: 1,
        call: () => dispatchIssue(issueInput()),
        timings: []
      },
      {
        label: 'issuePart, the service alone',
        every: ISSUES / SERVICE_ISSUES,
        call: () => issuePart(app.db, new Date(), clerk, issueInput()),
        timings: []
      },
      {
        label: 'raw SQLite: the same writes, one transaction',
        every: ISSUES / RAW_ISSUES,
        call: () => {
          const input = issueInput()
          return raw(input.workOrderId, input.partId, input.quantity, input.serial)
        },
        timings: []
      },
      {
        label: 'raw SQLite: a one-row insert and its commit',
        every: ISSUES / RAW_ISSUES,
        call: () => app.sqlite.transaction(() => bump.run()).immediate(),
        timings: []
      }
    ]
    // ISSUE_PROFILE=<file>: a CPU profile of the timed rounds (open it in Chrome's DevTools). The
    // profiler's sampling slows every call it watches: the rows say so.
    const profileFile = process.env.ISSUE_PROFILE
    const profiler = profileFile ? await startCpuProfile() : undefined
    for (let round = 0; round < ISSUES; round++) {
      const due = series.filter((entry) => round % entry.every === 0)
      // Rotated, so that no series always runs right after another's commit.
      for (let k = 0; k < due.length; k++) {
        const entry = due[(k + round) % due.length]!
        const started = performance.now()
        await entry.call()
        entry.timings.push(performance.now() - started)
      }
    }
    if (profileFile && profiler) await profiler.saveTo(profileFile)
    const issueRows: Row[] = series.map((entry, i) => ({
      label: `${entry.label}${profiler ? ' (profiled)' : ''}`,
      timings: entry.timings,
      target: i < 3 ? ISSUE_TARGET_P95_MS : undefined
    }))
    printTable(issueRows)
    const p95Of = (row: Row) =>
      percentile(
        [...row.timings].sort((a, b) => a - b),
        95
      )
    // Counting the WAL's frames needs a WAL nobody folds meanwhile.
    await app.checkpoints?.stop()
    console.log(`  ${await walPagesPerIssue(app, dir, WAL_ISSUES, () => dispatchIssue(issueInput()))}`)
    console.log(
      `  app/raw p95: through dispatch ${(p95Of(issueRows[0]!) / p95Of(issueRows[2]!)).toFixed(1)}x, the service alone ${(p95Of(issueRows[1]!) / p95Of(issueRows[2]!)).toFixed(1)}x (one transaction: begin, the order with its invoice, the part, the open request, the line, the part's books, the ledger line, outbox, audit, commit)`
    )

    // 2. Sustained movements: deliveries, issues and returns, one after another as fast as they go.
    const returnable: { lineId: string; partId: string }[] = []
    const counts = { receive: 0, issue: 0, return: 0, movements: 0 }
    const mixStarted = performance.now()
    while (performance.now() - mixStarted < MIX_SECONDS * 1000) {
      const roll = random.next()
      if (roll < 0.15) {
        const lines = Array.from({ length: random.int(1, 5) }, () => {
          const part = random.pick(seed.stock)
          const quantity = random.int(2, 20)
          // A serial-tracked part is received with one serial per unit.
          const received = part.serialTracked ? Array.from({ length: quantity }, () => `BENCHR${serials++}`) : []
          return { partId: part.id, quantity, unitCostFen: random.int(5, 500) * 100, serials: received }
        })
        const unique = [...new Map(lines.map((line) => [line.partId, line])).values()]
        await must(
          app,
          'parts.receive',
          { reference: `RK-MIX-${counts.receive}`, supplier: '华南备件中心', lines: unique },
          token
        )
        for (const line of unique) {
          const part = shelf.find(line.partId)
          if (part) part.onHand += line.quantity
        }
        counts.receive++
        counts.movements += unique.length
      } else if (roll < 0.3 && returnable.length > 0) {
        const { lineId, partId } = returnable.splice(random.int(0, returnable.length - 1), 1)[0]!
        await must(app, 'workOrderParts.return', { lineId, quantity: 1 }, token)
        const part = shelf.find(partId)
        if (part) part.onHand++
        counts.return++
        counts.movements++
      } else {
        const input = issueInput()
        const result = await dispatchIssue(input)
        returnable.push({ lineId: result.line.id, partId: input.partId })
        counts.issue++
        counts.movements++
      }
    }
    const mixSeconds = (performance.now() - mixStarted) / 1000
    console.log(
      `\nSustained mix for ${mixSeconds.toFixed(1)} s through dispatch (15% deliveries of 1-5 lines, 15% returns, 70% issues):`
    )
    console.log(
      `  ${Math.round(counts.movements / mixSeconds).toLocaleString('en')} movements/s, ${Math.round((counts.receive + counts.issue + counts.return) / mixSeconds).toLocaleString('en')} calls/s (${counts.receive} deliveries, ${counts.issue} issues, ${counts.return} returns; each call its own transaction and commit)`
    )

    // 3. Search as you type.
    const search = (queries: readonly string[]) => async (i: number) =>
      must(app, 'parts.search', { query: queries[i % queries.length]!, page: 1, pageSize: 20 }, token)
    const prefixes = seed.samples.partNumbers.map((number) => number.slice(0, random.int(4, 9)))
    const initials = NAME_WORDS.map((word) => pinyinInitials(word)[0]!)
    const brandWord = NAME_WORDS.map((word, i) => `${['华为', '小米', '格力', '海尔', 'vivo'][i % 5]} ${word}`)
    const searchRows: Row[] = []
    const time = async (label: string, call: (i: number) => Promise<{ total: number }>) => {
      for (let i = 0; i < SEARCH_WARM_UP; i++) await call(i)
      const timings: number[] = []
      let hits = 0
      for (let i = 0; i < SEARCHES; i++) {
        const started = performance.now()
        hits += (await call(i)).total
        timings.push(performance.now() - started)
      }
      searchRows.push({ label, timings, hits: hits / SEARCHES, target: SEARCH_TARGET_P95_MS })
    }
    await time('parts.search: part-number prefix (HW-MATE6)', search(prefixes))
    await time('parts.search: Chinese name (屏幕总成, 电池 …)', search(NAME_WORDS))
    await time(`parts.search: pinyin initials (${initials.slice(0, 2).join(', ')} …)`, search(initials))
    await time('parts.search: barcode (13 digits)', search(seed.samples.barcodes))
    await time('parts.search: compatible model (mate 61 pro)', search(seed.samples.models))
    await time('parts.search: brand + name (华为 屏幕总成)', search(brandWord))
    const firstCharacters = NAME_WORDS.map((word) => word[0]!)
    await time('parts.search: first character (屏, 电 …)', search(firstCharacters))
    await time('parts.search: nothing typed yet', search(['']))
    // The job's part picker: the same keystrokes, the parts for the job's device listed first.
    const job = app.sqlite
      .prepare(
        `SELECT w.id FROM work_orders w JOIN devices d ON d.id = w.device_id
         JOIN product_models m ON m.brand = d.brand AND m.model = d.model
         WHERE EXISTS (SELECT 1 FROM part_models pm WHERE pm.model_id = m.id) LIMIT 1`
      )
      .pluck()
      .get() as string
    const forJob = (queries: readonly string[]) => async (i: number) =>
      must(app, 'parts.search', { query: queries[i % queries.length]!, workOrderId: job, page: 1, pageSize: 20 }, token)
    await time("parts.search for a job: Chinese name, the device's parts first", forJob(NAME_WORDS))
    await time("parts.search for a job: first character, the device's parts first", forJob(firstCharacters))
    await time("parts.search for a job: nothing typed, the device's parts first", forJob(['']))
    await time('parts.find: scanned barcode (exact)', async (i) => {
      await must(app, 'parts.find', { code: seed.samples.barcodes[i % seed.samples.barcodes.length]! }, token)
      return { total: 1 }
    })
    const rawCount = app.sqlite
      .prepare(`SELECT count(*) FROM parts WHERE search_text LIKE ? ESCAPE '\\' AND active = 1`)
      .pluck()
    await time('raw SQLite: count(*) … LIKE %屏幕总成%', async (i) => ({
      total: rawCount.get(`%${NAME_WORDS[i % NAME_WORDS.length]}%`) as number
    }))
    console.log('')
    printTable(searchRows)
    const plan = (sql: string, ...params: unknown[]) =>
      (app.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((row) => row.detail)
        .join('; ')
    console.log(
      `  plan of the search: ${plan(`SELECT * FROM parts WHERE search_text LIKE ? ESCAPE '\\' AND active = ? ORDER BY CASE WHEN part_number = ? THEN 0 ELSE 1 END, part_number LIMIT 20`, '%x%', 1, 'x')}`
    )

    // 4. The ledger against the books.
    const verifyTimings: number[] = []
    let check = await must(app, 'parts.verifyLedger', {}, adminToken)
    for (let i = 0; i < 3; i++) {
      const started = performance.now()
      check = await must(app, 'parts.verifyLedger', {}, adminToken)
      verifyTimings.push(performance.now() - started)
    }
    const rawTime = (sql: string) => {
      const started = performance.now()
      const result = app.sqlite.prepare(sql).raw().all()
      return { ms: performance.now() - started, result }
    }
    const scan = rawTime('SELECT count(*), sum(quantity), sum(value_fen) FROM stock_movements')
    const grouped = rawTime('SELECT part_id, sum(quantity), sum(value_fen) FROM stock_movements GROUP BY part_id')
    // The running balance is not part of verifyLedger: checked here in one pass in ledger order.
    const runningStarted = performance.now()
    const balances = new Map<string, number>()
    let wrongBalances = 0
    for (const [partId, quantity, balanceAfter] of app.sqlite
      .prepare('SELECT part_id, quantity, balance_after FROM stock_movements ORDER BY seq')
      .raw()
      .iterate() as IterableIterator<[string, number, number]>) {
      const balance = (balances.get(partId) ?? 0) + quantity
      balances.set(partId, balance)
      if (balance !== balanceAfter) wrongBalances++
    }
    const runningMs = performance.now() - runningStarted
    console.log(
      `\nparts.verifyLedger through dispatch: ${check.parts.toLocaleString('en')} parts, ${check.movements.toLocaleString('en')} movements, ${check.mismatches.length} mismatches`
    )
    console.log(`  ${verifyTimings.map(seconds).join(', ')} (three runs after one warm-up)`)
    console.log(
      `  plan of its sums: ${plan('SELECT part_id, sum(quantity), sum(value_fen) FROM stock_movements GROUP BY part_id')}`
    )
    console.log(
      `  raw SQLite: one pass summing the ledger ${seconds(scan.ms)}; sums grouped by part ${seconds(grouped.ms)}`
    )
    console.log(
      `  balance_after against the running sum of every movement (raw SQLite and a Map): ${wrongBalances} wrong, ${seconds(runningMs)}`
    )
    console.log(`\n${cpus().length} CPU(s), Node ${process.version}. Other load on the machine shows in p95/p99.`)
  } finally {
    await closeApp(app)
    // KEEP_DB=1 leaves the database for a closer look (EXPLAIN QUERY PLAN and the like).
    if (process.env.KEEP_DB) console.log(`Kept ${join(dir, DATABASE_FILE_NAME)}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
