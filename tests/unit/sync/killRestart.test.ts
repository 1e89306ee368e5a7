import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import type { AppContext } from '../../../src-main/app/context'
import { enqueueOutbox } from '../../../src-main/features/sync/outbox'
import { callOk, SHOP, ADMIN } from '../helpers'
import { enrolShop, hqUnderTest, type HqUnderTest } from './hqFixture'
import { startShopProcess, until } from './killHelpers'

const CHANGES = 1200
const BATCH = 100

let hq: HqUnderTest
let dataDir: string
let shopId: string

function openShop(): AppContext {
  return openApp({ dataDir })
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
    const first = startShopProcess(dataDir, BATCH)
    await until(async () => hqBatches() >= 2, 60_000)
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
    const second = startShopProcess(dataDir, BATCH)
    await until(async () => hqBatches() >= 5, 60_000)
    second.child.kill('SIGKILL')
    await second.exited
    const last = startShopProcess(dataDir, BATCH)
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
