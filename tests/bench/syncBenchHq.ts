import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHq, type RunningHq } from '../../src-hq/app'
import { registerShop } from '../../src-hq/shops/service'
import { upsertRegistryUnits, type RegistryUnit } from '../../src-hq/seed/registry'
import { makeHqCertificate, startFakeHq, type FakeHq } from '../unit/sync/fakeHq'

/**
 * The HQ the sync benchmark talks to: the real one (src-hq on its embedded PostgreSQL, the
 * default) or the test suite's fake one (`HQ=fake`: the same protocol over SQLite in this process).
 * Either way over HTTPS on loopback, and HQ's own work is in the figures.
 */
export interface BenchHq {
  label: string
  url: string
  fingerprint: string
  /** A one-time enrolment code for a new shop. */
  registerShop(name: string): Promise<string>
  /** Publishes `count` registry units, written the way HQ writes an import. */
  publishRegistry(count: number, unitOf: (i: number) => RegistryUnit): Promise<void>
  /** The changes HQ holds from its shops. */
  changeCount(): Promise<number>
  /** Down, as when HQ's server is switched off; `start` brings it back on the same data and port. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Stopped, its files removed. */
  dispose(): Promise<void>
}

/** Rows per import call into the real HQ: its import commits every 50 000 rows too. */
const IMPORT_ROWS = 50_000

export async function benchHq(kind: string, dir: string): Promise<BenchHq> {
  return kind === 'fake' ? fakeBenchHq(dir) : realBenchHq()
}

async function realBenchHq(): Promise<BenchHq> {
  // A folder of its own: the embedded server's user must pass through it, which the benchmark's is closed to.
  const dataDir = mkdtempSync(join(tmpdir(), 'sync-bench-hq-'))
  const options = { dataDir, host: '127.0.0.1', name: 'Bench HQ', timeZone: 'Asia/Shanghai' }
  let running: RunningHq | null = await startHq({ ...options, port: 0 })
  const port = Number(new URL(running.url).port)
  const hq = () => {
    if (!running) throw new Error('HQ is down')
    return running.hq
  }
  return {
    label: 'the real HQ (src-hq on embedded PostgreSQL) over HTTPS on loopback',
    url: running.url,
    fingerprint: running.fingerprint,
    registerShop: async (name) => (await registerShop(hq(), name)).code,
    async publishRegistry(count, unitOf) {
      for (let from = 0; from < count; from += IMPORT_ROWS) {
        const units = Array.from({ length: Math.min(IMPORT_ROWS, count - from) }, (_, k) => unitOf(from + k))
        await upsertRegistryUnits(hq(), units)
      }
    },
    async changeCount() {
      const row = await hq()
        .db.selectFrom('appliedChanges')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
    async stop() {
      await running?.stop()
      running = null
    },
    async start() {
      running = await startHq({ ...options, port })
    },
    async dispose() {
      await running?.stop()
      running = null
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

async function fakeBenchHq(dir: string): Promise<BenchHq> {
  const certificate = await makeHqCertificate()
  const file = join(dir, 'hq.sqlite')
  let hq: FakeHq | null = await startFakeHq({ file, certificate })
  const port = hq.port
  const running = () => {
    if (!hq) throw new Error('HQ is down')
    return hq
  }
  return {
    label: 'the fake HQ (SQLite, in this process) over HTTPS on loopback',
    url: hq.url,
    fingerprint: hq.fingerprint,
    registerShop: async (name) => running().registerShop(name),
    async publishRegistry(count, unitOf) {
      running().publishMany(
        'registryUnits',
        (function* () {
          for (let i = 0; i < count; i++) {
            const unit = unitOf(i)
            yield { key: unit.serial, row: unit }
          }
        })()
      )
    },
    changeCount: async () => running().changeCount(),
    async stop() {
      await hq?.close()
      hq = null
    },
    async start() {
      hq = await startFakeHq({ file, certificate, port })
    },
    async dispose() {
      await hq?.close()
      hq = null
    }
  }
}
