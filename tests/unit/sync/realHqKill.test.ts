import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import type { AppContext } from '../../../src-main/app/context'
import { enqueueOutbox } from '../../../src-main/features/sync/outbox'
import { callOk, SHOP, ADMIN } from '../helpers'
import { startHq, type RunningHq } from '../../../src-hq/app'
import { registerShop } from '../../../src-hq/shops/service'

/**
 * The shop's sync killed (SIGKILL) in the middle of a push to the REAL HQ (src-hq on embedded
 * PostgreSQL), then restarted until it finishes: both sides end with the same changes, each
 * applied at HQ once. The moment of the kill is whenever HQ has taken a few batches; whether it
 * lands before or after an acknowledgement, the end state must be the same.
 */

const ROOT = join(__dirname, '..', '..', '..')
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const CHANGES = 3000
const BATCH = 100

let running: RunningHq
let hqDir: string
let dataDir: string
let shopId: string

const openShop = (): AppContext => openApp({ dataDir })

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

async function hqBatches(): Promise<number> {
  const row = await running.hq.db
    .selectFrom('pushedBatches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('shopId', '=', shopId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const checksum = (ids: readonly string[]) =>
  createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex')

beforeAll(async () => {
  hqDir = mkdtempSync(join(tmpdir(), 'real-hq-kill-'))
  running = await startHq({ dataDir: hqDir, port: 0, host: '127.0.0.1', name: 'HQ', timeZone: 'Asia/Shanghai' })
  dataDir = mkdtempSync(join(tmpdir(), 'shop-kill-real-'))
  const app = openShop()
  const { token } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
  const { code } = await registerShop(running.hq, 'kill test shop')
  const { fingerprint } = await callOk(app, 'sync.readCertificate', { hqUrl: running.url }, token)
  shopId = (await callOk(app, 'sync.enrol', { hqUrl: running.url, fingerprint, code }, token)).shopId!
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
}, 120_000)

afterAll(async () => {
  await running?.stop()
  rmSync(hqDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
}, 60_000)

describe('a shop killed mid-push against the real HQ', () => {
  it('restarted, it finishes: equal counts and checksums on both sides, no change applied twice', async () => {
    const first = startShopProcess()
    await until(async () => (await hqBatches()) >= 3, 90_000)
    first.child.kill('SIGKILL')
    // It was killed, not finished: the push was under way.
    expect(await first.exited).toBeNull()
    expect(await hqBatches()).toBeLessThan(CHANGES / BATCH)
    const last = startShopProcess()
    expect(await last.exited, last.output()).toBe(0)

    const shop = openShop()
    const outbox = shop.sqlite.prepare('SELECT id FROM outbox ORDER BY id').pluck().all() as string[]
    expect(shop.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get()).toEqual({ n: 0 })
    await closeApp(shop)
    const applied = await running.hq.db
      .selectFrom('appliedChanges')
      .select('changeId')
      .where('shopId', '=', shopId)
      .execute()
    const ids = applied.map((row) => row.changeId)
    expect(ids.length).toBe(outbox.length)
    expect(new Set(ids).size).toBe(ids.length)
    expect(checksum(ids)).toBe(checksum(outbox))
    const records = await running.hq.db
      .selectFrom('shopRecords')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('shopId', '=', shopId)
      .where('entity', '=', 'stock_movement')
      .executeTakeFirstOrThrow()
    expect(Number(records.n)).toBe(CHANGES)
  }, 240_000)
})
