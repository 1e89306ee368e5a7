/**
 * Backup benchmark: a shop with 1 000 000 work orders (three years of history: customers, devices,
 * quotes, labour, timelines), a desk writing through dispatch at a steady pace throughout, and
 * backups taken through the real code path (worker thread, own connection, integrity check,
 * manifest, retention) interleaved with quiet windows of the same length in which the same write
 * stream runs with no backup. Prints the backup's duration and, for the writes during the backups
 * and for those in the quiet windows, p50, p99 and the longest wait, with the load average; the
 * machine may be shared, so the honest comparison is backup against quiet in the same run.
 * Asserts nothing.
 *
 *   npm run bench:backup                             # 1 000 000 work orders, 2 backups
 *   npm run bench:backup -- --jobs 200000 --rounds 1
 *   npm run bench:backup -- --fresh                  # seed again instead of reusing the cached seed
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFlag } from '../../src-main/app/dataDir'
import { closeApp, openApp } from '../../src-main/app/openApp'
import { takeBackup } from '../../src-main/features/backups/service'
import { DEMO_PASSWORD, must } from '../../tools/demo/shop'
import { seededShop } from './backupSeed'
import { inWindow, sleep, startWriteStream, waitsIn, type Window, type WaitFigures } from './writeStream'

const WORK_ORDERS = Number(readFlag(process.argv, '--jobs') ?? 1_000_000)
const ROUNDS = Number(readFlag(process.argv, '--rounds') ?? 2)
/** The first quiet window's length; the later ones last as long as the backup before them. */
const FIRST_QUIET_MS = Number(readFlag(process.argv, '--quiet') ?? 60) * 1000
/** One write every 50 ms: several desks' worth, more than a shop's counter makes. */
const WRITE_INTERVAL_MS = 50
/** Writes just after a backup ends still count against it (a late checkpoint would show there). */
const SETTLE_MS = 3000
const WARM_UP_MS = 3000
const TARGET_WAIT_MS = 100

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10)
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')

function describe(label: string, figures: WaitFigures): string {
  return `${label.padEnd(28)} ${String(figures.writes).padStart(6)} writes  p50 ${ms(figures.p50)}  p99 ${ms(figures.p99)}  longest ${ms(figures.longest)}`
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'service-center-backup-bench-'))
  try {
    console.log(`Backup benchmark: ${WORK_ORDERS.toLocaleString('en')} work orders, ${ROUNDS} backup(s)`)
    const shop = await seededShop(dir, WORK_ORDERS, process.argv.includes('--fresh'))
    console.log(`Shop: ${shop.note}`)
    console.log(`Database file: ${mib(statSync(shop.databaseFile).size)}; load average ${load()}\n`)
    const app = openApp({ dataDir: shop.dataDir })
    try {
      const { token } = await must(app, 'auth.signIn', { username: 'admin', password: DEMO_PASSWORD })
      const stream = startWriteStream(app, token, WRITE_INTERVAL_MS)
      await sleep(WARM_UP_MS)
      const windows: Window[] = []
      const quiet = async (length: number) => windows.push(await inWindow('quiet', () => sleep(length)))
      let quietMs = FIRST_QUIET_MS
      const durations: number[] = []
      for (let round = 1; round <= ROUNDS; round += 1) {
        await quiet(quietMs)
        let copySize = 0
        let jobs = 0
        const window = await inWindow('backup', async () => {
          const started = performance.now()
          const copy = await takeBackup(app, 'manual')
          quietMs = performance.now() - started
          copySize = copy.sizeBytes
          jobs = copy.counts.jobs
          await sleep(SETTLE_MS)
        })
        windows.push(window)
        durations.push(quietMs)
        console.log(
          `backup ${round}: taken and verified in ${(quietMs / 1000).toFixed(1)} s, copy ${mib(copySize)}, ${jobs.toLocaleString('en')} jobs`
        )
      }
      await quiet(quietMs)
      await stream.stop()

      console.log(
        `\nWindows in the order they ran (a write every ${WRITE_INTERVAL_MS} ms, waits from when it was due):`
      )
      for (const window of windows) {
        const label = `${window.kind} ${((window.to - window.from) / 1000).toFixed(0)} s`
        console.log(`${describe(label, waitsIn(stream.writes, [window]))}  load ${window.load.toFixed(2)}`)
      }
      const during = waitsIn(
        stream.writes,
        windows.filter((w) => w.kind === 'backup')
      )
      const without = waitsIn(
        stream.writes,
        windows.filter((w) => w.kind === 'quiet')
      )
      console.log('\nAll windows together:')
      console.log(describe('during the backups', during))
      console.log(describe('no backup (baseline)', without))
      const slowest = Math.max(...durations) / 1000
      console.log(
        `\nBackup of ${WORK_ORDERS.toLocaleString('en')} work orders: ${durations.map((d) => (d / 1000).toFixed(1)).join(' s, ')} s (slowest ${slowest.toFixed(1)} s).`
      )
      console.log(
        `Longest write wait during a backup ${ms(during.longest).trim()} (target < ${TARGET_WAIT_MS} ms: ${during.longest < TARGET_WAIT_MS ? 'met' : 'MISSED'}), ` +
          `p99 ${ms(during.p99).trim()}; with no backup in the same run ${ms(without.longest).trim()}, p99 ${ms(without.p99).trim()}.`
      )
      console.log(`${cpus().length} CPU(s), Node ${process.version}, load average at the end ${load()}.`)
    } finally {
      await closeApp(app)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
