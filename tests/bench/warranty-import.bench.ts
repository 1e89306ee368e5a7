/**
 * Warranty import benchmark: writes a 1 000 000-row dealer CSV (UTF-8 with BOM, Chinese headers,
 * mixed date forms, a few bad rows) to a throw-away folder, then imports it into a fresh shop
 * database on disk through the import service: upload in 1 MiB pieces, preview, run (check and
 * stage, then apply in one transaction). Prints rows/s, each phase's time and the longest the
 * event loop went without a turn; then imports the same file again (which must change nothing).
 * Asserts nothing.
 *
 *   npm run bench:warranty            (ROWS=200000 npm run bench:warranty for a shorter run)
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../src-main/app/openApp'
import type { AppContext } from '../../src-main/app/context'
import {
  importStatus,
  importSettled,
  previewImport,
  receiveChunk,
  runImport,
  startImport
} from '../../src-main/features/warranty/import/service'
import { must, SHOP } from '../../tools/demo/shop'
import type { ImportStatus } from '../../src-shared/contract'

const ROWS = Number(process.env.ROWS ?? 1_000_000)
const CHUNK = 1024 * 1024
const TARGET_ROWS_PER_SECOND = 15_000

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

function writeCsv(file: string): void {
  const parts: string[] = ['\uFEFF序列号,品牌,型号,品类,保修卡号,购买日期,发票号码,经销商,生产日期,客户姓名,手机号\r\n']
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
    if (i % 100_000 === 0 && parts.length > 1) {
      writeFileSync(file, parts.join(''), { flag: i === 0 ? 'w' : 'a' })
      parts.length = 0
    }
  }
  writeFileSync(file, parts.join(''), { flag: 'a' })
}

interface RunFigures {
  status: ImportStatus
  uploadMs: number
  previewMs: number
  phases: Record<string, number>
  totalMs: number
  maxEventLoopGapMs: number
}

async function importOnce(app: AppContext, actorId: string, bytes: Buffer): Promise<RunFigures> {
  const started = performance.now()
  const { jobId } = startImport(app, new Date(), actorId, { fileName: 'dealer-1m.csv', totalBytes: bytes.length })
  for (let offset = 0, index = 0; offset < bytes.length; offset += CHUNK, index++) {
    receiveChunk(app, { jobId, index, data: bytes.subarray(offset, offset + CHUNK).toString('base64') })
  }
  const uploaded = performance.now()
  const preview = await previewImport(app, { jobId })
  const previewed = performance.now()

  const phases: Record<string, number> = {}
  let phase = 'checking'
  let phaseStarted = performance.now()
  let lastTick = performance.now()
  let maxGap = 0
  const timer = setInterval(() => {
    const now = performance.now()
    maxGap = Math.max(maxGap, now - lastTick - 20)
    lastTick = now
    const current = importStatus(app, { jobId }).phase
    if (current !== phase) {
      phases[phase] = now - phaseStarted
      phase = current
      phaseStarted = now
    }
  }, 20)
  runImport(app, new Date(), { jobId, mapping: preview.suggestedMapping, defaultCategory: null, defaultBrand: '' })
  const status = await importSettled(app, jobId)
  clearInterval(timer)
  phases[phase === status.phase ? 'applying' : phase] = performance.now() - phaseStarted
  const totalMs = performance.now() - started
  return {
    status,
    uploadMs: uploaded - started,
    previewMs: previewed - uploaded,
    phases,
    totalMs,
    maxEventLoopGapMs: maxGap
  }
}

function report(label: string, figures: RunFigures): void {
  const { status } = figures
  const result = status.result
  console.log(`\n${label}: ${status.phase}${status.errorKey ? ` (${status.errorKey})` : ''}`)
  if (result) {
    console.log(
      `  imported ${result.imported}, updated ${result.updated}, unchanged ${result.unchanged}, rejected ${result.rejected.length}`
    )
  }
  console.log(`  upload (base64, 1 MiB pieces) ${(figures.uploadMs / 1000).toFixed(2)} s`)
  console.log(`  preview                        ${(figures.previewMs / 1000).toFixed(2)} s`)
  for (const [phase, ms] of Object.entries(figures.phases))
    console.log(`  ${phase.padEnd(30)} ${(ms / 1000).toFixed(2)} s`)
  const rate = ROWS / (figures.totalMs / 1000)
  console.log(`  total                          ${(figures.totalMs / 1000).toFixed(2)} s`)
  console.log(
    `  rate                           ${Math.round(rate).toLocaleString('en')} rows/s (target ≥ ${TARGET_ROWS_PER_SECOND.toLocaleString('en')}: ${rate >= TARGET_ROWS_PER_SECOND ? 'met' : 'MISSED'})`
  )
  console.log(`  longest event-loop stall       ${figures.maxEventLoopGapMs.toFixed(0)} ms`)
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'warranty-import-bench-'))
  try {
    console.log(
      `Warranty import benchmark: ${ROWS.toLocaleString('en')} rows, Node ${process.version}, ${cpus().length} CPU(s)`
    )
    const file = join(dir, 'dealer-1m.csv')
    let started = performance.now()
    writeCsv(file)
    console.log(
      `generated ${file}: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB in ${((performance.now() - started) / 1000).toFixed(1)} s`
    )

    const app = openApp({ dataDir: dir })
    try {
      const { user } = await must(app, 'setup.initialize', {
        shop: SHOP,
        admin: { username: 'admin', displayName: '管理员', password: 'bench-password-1' }
      })
      const bytes = readFileSync(file)

      report('first import', await importOnce(app, user.id, bytes))
      console.log(
        `  database file                  ${(statSync(join(dir, DATABASE_FILE_NAME)).size / 1024 / 1024).toFixed(0)} MiB`
      )
      started = performance.now()
      report('same file again (idempotent)', await importOnce(app, user.id, bytes))
    } finally {
      await closeApp(app)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
