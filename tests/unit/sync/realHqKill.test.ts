import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHq, type RunningHq } from '../../../src-hq/app'
import { bothSides, checksum, enrolledShopWithOutbox, startShopProcess, until } from './killHelpers'

/**
 * The shop's sync killed (SIGKILL) in the middle of a push to the REAL HQ (src-hq on embedded
 * PostgreSQL), then restarted until it finishes: both sides end with the same changes, each
 * applied at HQ once. The moment of the kill is whenever HQ has taken a few batches; whether it
 * lands before or after an acknowledgement, the end state must be the same.
 */

const CHANGES = 3000
const BATCH = 100

let running: RunningHq
let hqDir: string
let dataDir: string
let shopId: string

async function hqBatches(): Promise<number> {
  const row = await running.hq.db
    .selectFrom('pushedBatches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('shopId', '=', shopId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

beforeAll(async () => {
  hqDir = mkdtempSync(join(tmpdir(), 'real-hq-kill-'))
  running = await startHq({ dataDir: hqDir, port: 0, host: '127.0.0.1', name: 'HQ', timeZone: 'Asia/Shanghai' })
  dataDir = mkdtempSync(join(tmpdir(), 'shop-kill-real-'))
  shopId = await enrolledShopWithOutbox(dataDir, running.hq, running.url, CHANGES)
}, 120_000)

afterAll(async () => {
  await running?.stop()
  rmSync(hqDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
}, 60_000)

describe('a shop killed mid-push against the real HQ', () => {
  it('restarted, it finishes: equal counts and checksums on both sides, no change applied twice', async () => {
    const first = startShopProcess(dataDir, BATCH)
    await until(async () => (await hqBatches()) >= 3, 90_000)
    first.child.kill('SIGKILL')
    // It was killed, not finished: the push was under way.
    expect(await first.exited).toBeNull()
    expect(await hqBatches()).toBeLessThan(CHANGES / BATCH)
    const last = startShopProcess(dataDir, BATCH)
    expect(await last.exited, last.output()).toBe(0)

    const { outbox, unsent, applied, movements } = await bothSides(dataDir, running.hq, shopId)
    expect(unsent).toBe(0)
    expect(applied.length).toBe(outbox.length)
    expect(new Set(applied).size).toBe(applied.length)
    expect(checksum(applied)).toBe(checksum(outbox))
    expect(movements).toBe(CHANGES)
  }, 240_000)
})
