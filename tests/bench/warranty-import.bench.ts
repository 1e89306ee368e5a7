/**
 * Warranty import benchmark: writes a 1 000 000-row dealer CSV (Chinese headers, mixed date
 * forms, a quoted dealer name with a comma, a few bad rows) twice, as UTF-8 with a BOM and as
 * GBK without one (Excel's "ANSI" on Chinese Windows), to a throw-away folder. Each file is then
 * imported into a fresh shop database on disk through the real code path (upload in 1 MiB
 * pieces read from disk, preview, run: check and stage, then apply), while a warranty lookup is
 * asked every 50 ms through the dispatcher as a desk would. Beside it, the raw engine does the
 * same work the plainest way on the same file: read, decode, parse, and insert every row with
 * one prepared statement in one transaction into the same schema.
 *
 * Each run is a child process of its own, so its peak memory (max RSS) is its own.
 * Prints, per encoding: rows/s (from the first piece uploaded to the import done), each phase,
 * peak RSS, the longest wait of a lookup (from when it was due to its answer), and the raw
 * engine's rows/s and peak RSS. Asserts nothing.
 *
 *   npm run bench:warranty            (ROWS=200000 npm run bench:warranty for a shorter run)
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../src-main/app/openApp'
import type { AppContext } from '../../src-main/app/context'
import { CsvPieceReader } from '../../src-main/features/warranty/import/csv'
import {
  importSettled,
  importStatus,
  previewImport,
  receiveChunk,
  runImport,
  startImport
} from '../../src-main/features/warranty/import/service'
import { bulkIdMaker } from '../../src-main/features/warranty/import/bulkIds'
import { dispatch } from '../../src-main/rpc/dispatch'
import { handlers } from '../../src-main/rpc/handlers'
import { must, SHOP } from '../../tools/demo/shop'

const ROWS = Number(process.env.ROWS ?? 1_000_000)
const PIECE = 1024 * 1024
const LOOKUP_EVERY_MS = 50
const IDLE_LOOKUPS_MS = 3_000
const TARGET_ROWS_PER_SECOND = 100_000
const TARGET_PEAK_MB = 300
const TARGET_WAIT_MS = 100

const BRANDS = [
  ['华为', 'mobile_phone', ['Mate 60', 'Mate 60 Pro', 'nova 12', 'P70', 'Pura 70']],
  ['小米', 'mobile_phone', ['Redmi 13', 'Xiaomi 14', 'Redmi K70']],
  ['联想', 'computer', ['ThinkPad X1', '小新 Pro 14', '拯救者 Y9000P']],
  ['海信', 'tv', ['65E3K', '75E5K']],
  ['格力', 'air_conditioner', ['KFR-35GW', 'KFR-72LW']],
  ['海尔', 'refrigerator', ['BCD-470', 'BCD-510']],
  ['美的', 'washing_machine', ['MG100V11', 'MD100V33']]
] as const
const CATEGORY_NAMES: Record<string, string> = {
  mobile_phone: '手机',
  computer: '笔记本',
  tv: '电视机',
  air_conditioner: '空调',
  refrigerator: '冰箱',
  washing_machine: '洗衣机'
}
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明']
const DEALERS = ['苏宁易购天河店', '国美电器北京路店', '京东自营', '迪信通', '"华为授权体验店, 正佳广场"', '天猫旗舰店']
const HEADER = '序列号,品牌,型号,品类,保修卡号,购买日期,发票号码,经销商,生产日期,客户姓名,手机号\r\n'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function dateText(i: number, dayOffset: number): string {
  const date = new Date(Date.UTC(2024, 0, 1) + ((i * 7 + dayOffset) % 800) * 86_400_000)
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
  switch (i % 4) {
    case 0:
      return `${y}-${pad(m)}-${pad(d)}`
    case 1:
      return `${y}/${m}/${d}`
    case 2:
      return `${y}年${m}月${d}日`
    default:
      return `${y}${pad(m)}${pad(d)}`
  }
}

/** GBK bytes of a text, from a table built by decoding every two-byte GBK code once. */
function gbkEncoder(): (text: string) => Buffer {
  const decoder = new TextDecoder('gbk')
  const codes = new Map<number, number>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const char = decoder.decode(new Uint8Array([lead, trail]))
      if (char.length === 1 && !codes.has(char.charCodeAt(0))) codes.set(char.charCodeAt(0), (lead << 8) | trail)
    }
  }
  return (text) => {
    const bytes = Buffer.alloc(text.length * 2)
    let at = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c < 0x80) bytes[at++] = c
      else {
        const code = codes.get(c)
        if (code === undefined) throw new Error(`no GBK code for ${text[i]}`)
        bytes[at++] = code >> 8
        bytes[at++] = code & 0xff
      }
    }
    return bytes.subarray(0, at)
  }
}

function writeCsv(file: string, encode: (text: string) => Buffer, bom: boolean): void {
  writeFileSync(file, Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), encode(HEADER)]))
  let parts: string[] = []
  for (let i = 0; i < ROWS; i++) {
    const [brand, category, models] = BRANDS[i % BRANDS.length]!
    const model = models[i % models.length]!
    // One row in ten thousand is bad: an impossible date, or a serial repeated from the row before.
    const serial = i % 10_000 === 5_001 ? `SN${pad(i - 1, 9)}` : `SN${pad(i, 9)}`
    const purchase = i % 10_000 === 7_003 ? '2025-02-30' : dateText(i, 40)
    parts.push(
      `${serial},${brand},${model},${CATEGORY_NAMES[category]},${i % 3 === 0 ? '' : `WC${pad(i, 10)}`},${purchase},` +
        `${i % 5 === 0 ? '' : `FP${pad(i, 8)}`},${DEALERS[i % DEALERS.length]},${dateText(i, 0)},` +
        `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]},1${3 + (i % 7)}${pad(i % 1_000_000_000, 9)}\r\n`
    )
    if (parts.length === 50_000) {
      writeFileSync(file, encode(parts.join('')), { flag: 'a' })
      parts = []
    }
  }
  writeFileSync(file, encode(parts.join('')), { flag: 'a' })
}

/** The file in pieces straight from disk: the benchmark never holds the whole file. */
function* filePieces(file: string): Generator<Buffer> {
  const fd = openSync(file, 'r')
  try {
    for (;;) {
      const piece = Buffer.alloc(PIECE)
      const read = readSync(fd, piece, 0, PIECE, null)
      if (read === 0) return
      yield read === PIECE ? piece : piece.subarray(0, read)
    }
  } finally {
    closeSync(fd)
  }
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024

/** CPU seconds the run used, and the load average at its end: on a shared machine, wall time is not all its own. */
function processTimes(): { cpuSeconds: number; loadAverage: string } {
  const { userCPUTime, systemCPUTime } = process.resourceUsage()
  return {
    cpuSeconds: (userCPUTime + systemCPUTime) / 1e6,
    loadAverage: loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')
  }
}

/** The app's import of one file, with a desk's lookup every 50 ms; one line of JSON. */
async function appRun(file: string, dir: string): Promise<void> {
  const app: AppContext = openApp({ dataDir: dir })
  try {
    const setup = await must(app, 'setup.initialize', {
      shop: SHOP,
      admin: { username: 'admin', displayName: '管理员', password: 'bench-password-1' }
    })
    const token = setup.token
    // A unit registered before, for the desk to look up while the file goes in.
    const registered = Buffer.from('\uFEFF序列号,品牌,型号,品类,购买日期\r\nDESK0001,华为,Mate 60,手机,2026-01-02\r\n')
    const first = startImport(app, new Date(), setup.user.id, { fileName: 'one.csv', totalBytes: registered.length })
    receiveChunk(app, { jobId: first.jobId, index: 0, data: registered.toString('base64') })
    const firstPreview = await previewImport(app, { jobId: first.jobId })
    runImport(app, new Date(), {
      jobId: first.jobId,
      mapping: firstPreview.suggestedMapping,
      defaultCategory: null,
      defaultBrand: ''
    })
    await importSettled(app, first.jobId)

    const lookupWaits: number[] = []
    const longestWaitIn: Record<string, number> = {}
    let peakHeapMb = 0
    let lookupsFailed = 0
    const phases: Record<string, number> = {}
    let jobId = ''
    // First a few seconds with no import at all: the machine's own floor for a lookup's wait.
    let phase = 'no import yet'
    let phaseStarted = performance.now()
    let due = performance.now() + LOOKUP_EVERY_MS
    // The wait counts from when the lookup was due: a blocked event loop delays the timer too.
    const desk = setInterval(() => {
      const dueAt = due
      peakHeapMb = Math.max(peakHeapMb, process.memoryUsage().heapUsed / 1024 / 1024)
      due += LOOKUP_EVERY_MS
      while (due < performance.now()) due += LOOKUP_EVERY_MS
      void dispatch(app, handlers, { operation: 'warranty.lookup', input: { query: 'DESK0001' }, token }).then(
        (result) => {
          if (!result.ok) lookupsFailed++
          const waited = performance.now() - dueAt
          lookupWaits.push(waited)
          longestWaitIn[phase] = Math.max(longestWaitIn[phase] ?? 0, waited)
        }
      )
      if (phase === 'checking' || phase === 'applying') {
        const current = importStatus(app, { jobId }).phase
        if (current !== phase) {
          phases[phase] = performance.now() - phaseStarted
          phase = current
          phaseStarted = performance.now()
        }
      }
    }, LOOKUP_EVERY_MS)

    await new Promise((resolve) => setTimeout(resolve, IDLE_LOOKUPS_MS))
    phase = 'uploading'
    const uploadStarted = performance.now()
    phaseStarted = uploadStarted
    const totalBytes = statSync(file).size
    jobId = startImport(app, new Date(), setup.user.id, { fileName: 'dealer-1m.csv', totalBytes }).jobId
    let index = 0
    for (const piece of filePieces(file)) {
      receiveChunk(app, { jobId, index: index++, data: piece.toString('base64') })
      // Pieces arrive over the network one call each: the event loop turns between them.
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    phases.uploading = performance.now() - phaseStarted
    phaseStarted = performance.now()
    phase = 'preview'
    const preview = await previewImport(app, { jobId })
    phases.preview = performance.now() - phaseStarted
    phaseStarted = performance.now()
    phase = 'checking'
    runImport(app, new Date(), { jobId, mapping: preview.suggestedMapping, defaultCategory: null, defaultBrand: '' })
    const status = await importSettled(app, jobId)
    phases[phase] = performance.now() - phaseStarted
    const totalMs = performance.now() - uploadStarted
    clearInterval(desk)
    await new Promise((resolve) => setTimeout(resolve, 100))
    console.log(
      JSON.stringify({
        encoding: preview.encoding,
        phase: status.phase,
        errorKey: status.errorKey,
        imported: status.result?.imported,
        rejected: status.result?.rejected.length,
        totalMs,
        phases,
        rowsPerSecond: ROWS / (totalMs / 1000),
        peakRssMb: peakRssMb(),
        peakHeapMb,
        lookups: lookupWaits.length,
        lookupsFailed,
        longestLookupWaitMs: Math.max(...lookupWaits),
        longestWaitIn,
        lookupWaitP99Ms: lookupWaits.sort((a, b) => a - b)[Math.floor(lookupWaits.length * 0.99)],
        databaseMb: statSync(join(dir, DATABASE_FILE_NAME)).size / 1024 / 1024,
        ...processTimes()
      })
    )
  } finally {
    await closeApp(app)
  }
}

/**
 * The raw engine: the same file read in 1 MiB pieces, decoded streaming, parsed, and every row
 * inserted into warranty_units (same schema, same indexes) with one prepared statement in one
 * transaction; no checks beyond finding the model. One line of JSON.
 */
async function rawRun(file: string, dir: string, encoding: string): Promise<void> {
  const app: AppContext = openApp({ dataDir: dir })
  try {
    const { sqlite } = app
    const started = performance.now()
    const now = new Date().toISOString()
    const newId = bulkIdMaker(Date.now())
    const models = new Map<string, string>()
    const insertModel = sqlite.prepare(
      'INSERT INTO product_models (id, brand, model, category_key, created_at) VALUES (?, ?, ?, ?, ?)'
    )
    const insertUnit = sqlite.prepare(
      `INSERT OR IGNORE INTO warranty_units (id, serial, model_id, card_number, purchase_date, invoice_number, dealer,
         production_date, buyer_name, buyer_phone, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)`
    )
    const decoder = new TextDecoder(encoding)
    const reader = new CsvPieceReader(',')
    let rows = 0
    const insertRows = (piece: Buffer, last: boolean) => {
      for (const { fields } of reader.read(decoder.decode(piece, { stream: !last }), last)) {
        if (fields[0] === '序列号') continue
        const key = `${fields[1]}\u0000${fields[2]}`
        let modelId = models.get(key)
        if (modelId === undefined) {
          modelId = newId()
          insertModel.run(modelId, fields[1], fields[2], 'mobile_phone', now)
          models.set(key, modelId)
        }
        insertUnit.run(
          newId(),
          fields[0],
          modelId,
          fields[4] || null,
          fields[5],
          fields[6],
          fields[7],
          fields[8],
          fields[9],
          fields[10],
          now,
          now
        )
        rows++
      }
    }
    sqlite.transaction(() => {
      let previous: Buffer | null = null
      for (const piece of filePieces(file)) {
        if (previous !== null) insertRows(previous, false)
        previous = piece
      }
      insertRows(previous ?? Buffer.alloc(0), true)
    })()
    const totalMs = performance.now() - started
    console.log(
      JSON.stringify({
        rows,
        totalMs,
        rowsPerSecond: ROWS / (totalMs / 1000),
        peakRssMb: peakRssMb(),
        ...processTimes()
      })
    )
  } finally {
    await closeApp(app)
  }
}

function child(mode: 'app' | 'raw', file: string, encoding: string): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), `warranty-import-${mode}-`))
  try {
    const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, mode, file, dir, encoding], {
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 16 * 1024 * 1024
    })
    if (run.status !== 0) throw new Error(`${mode} run failed:\n${run.stdout}\n${run.stderr}`)
    return JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, unknown>
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const num = (value: unknown, digits = 0) => (value as number).toLocaleString('en', { maximumFractionDigits: digits })

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'warranty-import-bench-'))
  try {
    console.log(
      `Warranty import benchmark: ${ROWS.toLocaleString('en')} rows, Node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`
    )
    const files = [
      { label: 'UTF-8 (BOM)', file: join(dir, 'dealer-utf8.csv'), decoder: 'utf-8' },
      { label: 'GBK', file: join(dir, 'dealer-gbk.csv'), decoder: 'gbk' }
    ]
    let started = performance.now()
    writeCsv(files[0]!.file, (text) => Buffer.from(text, 'utf8'), true)
    writeCsv(files[1]!.file, gbkEncoder(), false)
    console.log(
      `generated ${files.map(({ file }) => `${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`).join(' and ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`
    )
    for (const { label, file, decoder } of files) {
      started = performance.now()
      const app = child('app', file, decoder)
      const raw = child('raw', file, decoder)
      const rate = app.rowsPerSecond as number
      console.log(`\n${label}: ${app.phase}${app.errorKey ? ` (${app.errorKey})` : ''}, detected ${app.encoding}`)
      console.log(`  imported ${num(app.imported)}, rejected ${num(app.rejected)}`)
      for (const [phase, ms] of Object.entries(app.phases as Record<string, number>))
        console.log(`  ${phase.padEnd(34)} ${(ms / 1000).toFixed(2)} s`)
      console.log(
        `  the app: ${num(rate)} rows/s (target ≥ ${num(TARGET_ROWS_PER_SECOND)}: ${rate >= TARGET_ROWS_PER_SECOND ? 'met' : 'MISSED'})` +
          ` | raw engine read+parse+insert: ${num(raw.rowsPerSecond)} rows/s | ratio ${(rate / (raw.rowsPerSecond as number)).toFixed(2)}`
      )
      console.log(
        `  peak RSS: the app ${num(app.peakRssMb)} MB (target < ${TARGET_PEAK_MB}: ${(app.peakRssMb as number) < TARGET_PEAK_MB ? 'met' : 'MISSED'})` +
          ` | raw engine ${num(raw.peakRssMb)} MB (the app's JavaScript heap at most ${num(app.peakHeapMb)} MB)`
      )
      console.log(
        `  longest wait of a warranty lookup (one every ${LOOKUP_EVERY_MS} ms, ${num(app.lookups)} asked, ${num(app.lookupsFailed)} failed): ` +
          `${num(app.longestLookupWaitMs, 1)} ms (target ≤ ${TARGET_WAIT_MS}: ${(app.longestLookupWaitMs as number) <= TARGET_WAIT_MS ? 'met' : 'MISSED'}), p99 ${num(app.lookupWaitP99Ms, 1)} ms`
      )
      console.log(
        `  longest wait per phase: ${Object.entries(app.longestWaitIn as Record<string, number>)
          .map(([phase, ms]) => `${phase} ${num(ms, 1)} ms`)
          .join(', ')}`
      )
      console.log(
        `  CPU: the app ${num(app.cpuSeconds, 1)} s, raw engine ${num(raw.cpuSeconds, 1)} s; load average (1, 5, 15 min) after the app ${app.loadAverage}, after the raw engine ${raw.loadAverage}`
      )
      console.log(
        `  database file ${num(app.databaseMb)} MiB; this encoding took ${((performance.now() - started) / 1000).toFixed(0)} s`
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const [mode, file, dir, encoding] = process.argv.slice(2)
const run = mode === 'app' ? appRun(file!, dir!) : mode === 'raw' ? rawRun(file!, dir!, encoding!) : main()
run.catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
