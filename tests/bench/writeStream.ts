import { loadavg } from 'node:os'
import type { AppContext } from '../../src-main/app/context'
import { percentileOfSorted } from '../../src-shared/domain/reportStatistics'
import { must } from '../../tools/demo/shop'

/**
 * A desk writing at a steady pace through the real dispatch path (session, role, validation,
 * one BEGIN IMMEDIATE transaction with its audit row, synchronous=FULL as in the app). A write's
 * wait counts from when it was due, not from when it started: when the main thread is held up,
 * the writes that queue behind the stall count it too.
 */

export interface Write {
  dueAt: number
  waitMs: number
}

export interface WriteStream {
  writes: Write[]
  stop: () => Promise<void>
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function startWriteStream(app: AppContext, token: string, intervalMs: number): WriteStream {
  const writes: Write[] = []
  let running = true
  const startedAt = performance.now()
  const loop = (async () => {
    for (let n = 0; running; n += 1) {
      const dueAt = startedAt + n * intervalMs
      const ahead = dueAt - performance.now()
      if (ahead > 0) await sleep(ahead)
      await must(app, 'customers.create', { name: `备份压测客户 ${n}` }, token)
      writes.push({ dueAt, waitMs: performance.now() - dueAt })
    }
  })()
  return {
    writes,
    stop: async () => {
      running = false
      await loop
    }
  }
}

export interface Window {
  kind: 'backup' | 'quiet'
  from: number
  to: number
  /** One-minute load average when the window closed. */
  load: number
}

/** Runs `work` as one window of the stream. */
export async function inWindow(kind: Window['kind'], work: () => Promise<void>): Promise<Window> {
  const from = performance.now()
  await work()
  return { kind, from, to: performance.now(), load: loadavg()[0]! }
}

export interface WaitFigures {
  writes: number
  p50: number
  p99: number
  longest: number
}

/** The waits of the writes that were due within any of the windows. */
export function waitsIn(writes: readonly Write[], windows: readonly Window[]): WaitFigures {
  const waits = writes
    .filter((w) => windows.some((window) => w.dueAt >= window.from && w.dueAt < window.to))
    .map((w) => w.waitMs)
    .sort((a, b) => a - b)
  return {
    writes: waits.length,
    p50: percentileOfSorted(waits, 0.5) ?? 0,
    p99: percentileOfSorted(waits, 0.99) ?? 0,
    longest: waits.at(-1) ?? 0
  }
}

export { sleep }
