import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import type { AppContext } from '../../../src-main/app/context'
import { enqueueOutbox } from '../../../src-main/features/sync/outbox'
import { callOk, SHOP, ADMIN } from '../helpers'
import { enrolShop, hqUnderTest, type HqUnderTest } from './hqFixture'

const ROOT = join(__dirname, '..', '..', '..')
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const CHANGES = 1200
const BATCH = 100

let hq: HqUnderTest
let dataDir: string
let shopId: string

function openShop(): AppContext {
  return openApp({ dataDir })
}

/** The shop's sync in a child process; resolves with its exit code, or null when it was killed. */
function startShopProcess(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [TSX, join(__dirname, 'shopProcess.ts'), dataDir, String(BATCH)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const hqBatches = () => (hq.hq.db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n

beforeAll(async () => {
  // HQ holds each acknowledgement back a while: the shop is killed while it waits for one.
  hq = await hqUnderTest({ pushDelayMs: 400 })
  dataDir = mkdtempSync(join(tmpdir(), 'shop-kill-'))
  const app = openShop()
  const { token } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
  shopId = await enrolShop(app, token, hq.hq)
  await app.db.transaction().execute(async (trx) => {
    for (let i = 0; i < CHANGES; i++) {
      await enqueueOutbox(trx, new Date(), {
        entity: 'stock_movement',
        entityId: `m-${i}`,
        operation: 'upsert',
        payload: { index: i, quantity: 1 }
      })
    }
  })
  await closeApp(app)
})

afterAll(async () => {
  await hq.dispose()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('a shop killed in the middle of a push', () => {
  it('sends the same batch again after a restart: HQ applies it once, and both sides end with the same changes', async () => {
    // Killed (SIGKILL) while it waited for HQ's acknowledgement of a batch HQ had applied.
    const first = startShopProcess()
    await until(() => hqBatches() >= 2, 60_000)
    first.child.kill('SIGKILL')
    expect(await first.exited).toBeNull()

    const app = openShop()
    const pending = app.sqlite.prepare('SELECT batch_id FROM hq_push_batches WHERE acked_at IS NULL').all() as {
      batch_id: string
    }[]
    expect(pending).toHaveLength(1)
    // HQ has it; the shop does not know yet.
    expect(hq.hq.db.prepare('SELECT applied FROM batches WHERE batch_id = ?').get(pending[0]!.batch_id)).toEqual({
      applied: BATCH
    })
    await closeApp(app)

    // Killed again, at another moment; then left to finish.
    const second = startShopProcess()
    await until(() => hqBatches() >= 5, 60_000)
    second.child.kill('SIGKILL')
    await second.exited
    const last = startShopProcess()
    expect(await last.exited, last.output()).toBe(0)

    const shop = openShop()
    const outbox = shop.sqlite.prepare('SELECT id FROM outbox ORDER BY id').pluck().all() as string[]
    expect(shop.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get()).toEqual({ n: 0 })
    await closeApp(shop)
    const atHq = hq.hq.db
      .prepare('SELECT id FROM changes WHERE shop_id = ? ORDER BY id')
      .pluck()
      .all(shopId) as string[]
    expect(atHq).toEqual(outbox)
    // Every batch HQ recorded applied its changes exactly once: the applied counts add up to the rows.
    expect(hq.hq.db.prepare('SELECT sum(applied) AS n FROM batches').get()).toEqual({ n: outbox.length })
    expect(outbox.length).toBeGreaterThanOrEqual(CHANGES)
  }, 180_000)
})
