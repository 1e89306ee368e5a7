import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { makeHqCertificate, startFakeHq, type FakeHq } from '../unit/sync/fakeHq'
import { registryUnit } from './syncBenchRows'

/**
 * The HQ the sync benchmark talks to: the real one (src-hq on its embedded PostgreSQL, the
 * default, in a process of its own as a brand runs it) or the test suite's fake one (`HQ=fake`:
 * the same protocol over SQLite in this process). Either way over HTTPS on loopback, and HQ's
 * own work is in the figures.
 */
export interface BenchHq {
  label: string
  url: string
  fingerprint: string
  /** A one-time enrolment code for a new shop. */
  registerShop(name: string): Promise<string>
  /** Publishes `count` registry units (syncBenchRows.ts), written the way HQ writes an import. */
  publishRegistry(count: number): Promise<void>
  /** The changes HQ holds from its shops. */
  changeCount(): Promise<number>
  /** CPU time HQ's own process has used, when it has one (its database server's not included). */
  cpuMs(): Promise<number | null>
  /** Down, as when HQ's server is switched off; `start` brings it back on the same data and port. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Stopped, its files removed. */
  dispose(): Promise<void>
}

export async function benchHq(kind: string, dir: string): Promise<BenchHq> {
  return kind === 'fake' ? fakeBenchHq(dir) : realBenchHq()
}

/** HQ's process and a call into it over IPC. */
function hqProcess(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'syncBenchHqProcess.ts'), dataDir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let nextId = 0
  child.on('message', (answer: { id: number; result?: unknown; error?: string }) => {
    const call = waiting.get(answer.id)
    waiting.delete(answer.id)
    if (answer.error !== undefined) call?.reject(new Error(`HQ's process: ${answer.error}`))
    else call?.resolve(answer.result)
  })
  child.on('exit', (code) => {
    for (const call of waiting.values()) call.reject(new Error(`HQ's process ended (${code})`))
    waiting.clear()
  })
  return {
    call<T>(op: string, ...args: unknown[]): Promise<T> {
      const id = ++nextId
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject })
        child.send({ id, op, args })
      })
    },
    /** Lets HQ's process go (it stops its database server first) and waits for it to end. */
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.disconnect()
      })
  }
}

/** The real HQ in a process of its own (syncBenchHqProcess.ts), as a brand runs it, apart from the shop. */
async function realBenchHq(): Promise<BenchHq> {
  // A folder of its own: the embedded server's user must pass through it, which the benchmark's is closed to.
  const dataDir = mkdtempSync(join(tmpdir(), 'sync-bench-hq-'))
  const hq = hqProcess(dataDir)
  const { url, fingerprint } = await hq.call<{ url: string; fingerprint: string }>('start')
  return {
    label: 'the real HQ (src-hq on embedded PostgreSQL, in a process of its own) over HTTPS on loopback',
    url,
    fingerprint,
    registerShop: (name) => hq.call<string>('registerShop', name),
    publishRegistry: (count) => hq.call<void>('publishRegistry', count),
    changeCount: () => hq.call<number>('changeCount'),
    cpuMs: () => hq.call<number>('cpuMs'),
    stop: () => hq.call<void>('stop'),
    start: async () => void (await hq.call('start')),
    async dispose() {
      await hq.close()
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
    async publishRegistry(count) {
      running().publishMany(
        'registryUnits',
        (function* () {
          for (let i = 0; i < count; i++) {
            const unit = registryUnit(i)
            yield { key: unit.serial, row: unit }
          }
        })()
      )
    },
    changeCount: async () => running().changeCount(),
    cpuMs: async () => null,
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
