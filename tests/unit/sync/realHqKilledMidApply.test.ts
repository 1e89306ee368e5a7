import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openHqBackend } from '../../../src-hq/app'
import type { HqContext } from '../../../src-hq/context'
import { freePort, startEmbeddedCluster, type EmbeddedCluster } from '../../../src-hq/db/embedded'
import {
  bothSides,
  checksum,
  enrolledShopWithOutbox,
  startScript,
  startShopProcess,
  until,
  type TestProcess
} from './killHelpers'

/**
 * HQ killed (SIGKILL) while it applies a batch the shop pushed: HQ runs in a process of its own
 * on a PostgreSQL server the test keeps running, as a brand runs it with `--database-url`. The
 * test watches PostgreSQL for HQ's apply transaction, kills HQ while that transaction is open,
 * checks PostgreSQL rolled it back, starts HQ again on the same database, certificate and port,
 * and lets the shop push again: both sides end with the same changes, each applied once.
 */

const CHANGES = 10_000
const BATCH = 2_500
// A payload of some size, so applying a batch takes HQ long enough to be caught in the middle.
const PAYLOAD_BYTES = 400

let cluster: EmbeddedCluster
let backend: { hq: HqContext; close(): Promise<void> }
let pgDir: string
let hqDir: string
let dataDir: string
let databaseUrl: string
let port: number
let shopId: string
let hqProcess: TestProcess | null = null

async function startHqProcess(): Promise<string> {
  const started = startScript('hqProcess.ts', [databaseUrl, hqDir, String(port)])
  hqProcess = started
  let exitCode: number | null | undefined
  void started.exited.then((code) => (exitCode = code))
  await until(
    async () => {
      if (exitCode !== undefined) throw new Error(`HQ exited with ${exitCode}:\n${started.output()}`)
      return /HQ ready/.test(started.output())
    },
    90_000,
    50
  )
  return /HQ ready (\S+)/.exec(started.output())![1]!
}

async function killHq(): Promise<void> {
  hqProcess?.child.kill('SIGKILL')
  await hqProcess?.exited
  hqProcess = null
}

/**
 * HQ's transaction applying a batch: it has written (has a transaction id) and its statement, or
 * the last one while it is between statements, is one of the apply's (not, say, the shop's last
 * contact time that every call records in a transaction of its own).
 */
async function applyInFlight(): Promise<{ pid: number; xid: string } | undefined> {
  const { rows } = await sql<{ pid: number; xid: string }>`
    SELECT pid, backend_xid::text AS xid FROM pg_stat_activity
    WHERE datname = current_database() AND backend_type = 'client backend'
      AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
      AND query ~ '(pushed_batches|applied_changes|shop_records)'`.execute(backend.hq.db)
  return rows[0]
}

async function backendGone(pid: number): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid}`.execute(backend.hq.db)
  return rows.length === 0
}

/** What became of a transaction: committed, aborted or still in progress. */
async function transactionStatus(xid: string): Promise<string> {
  const { rows } = await sql<{ status: string }>`SELECT pg_xact_status(${xid}::xid8) AS status`.execute(backend.hq.db)
  return rows[0]!.status
}

async function hqBatches(): Promise<number> {
  const row = await backend.hq.db
    .selectFrom('pushedBatches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('shopId', '=', shopId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

beforeAll(async () => {
  pgDir = mkdtempSync(join(tmpdir(), 'hq-kill-pg-'))
  hqDir = mkdtempSync(join(tmpdir(), 'hq-kill-hq-'))
  dataDir = mkdtempSync(join(tmpdir(), 'hq-kill-shop-'))
  cluster = await startEmbeddedCluster(pgDir)
  await cluster.ensureDatabase('hq')
  databaseUrl = cluster.urlFor('hq')
  backend = await openHqBackend({ databaseUrl, dataDir: hqDir, timeZone: 'Asia/Shanghai' })
  port = await freePort()
  const url = await startHqProcess()
  shopId = await enrolledShopWithOutbox(dataDir, backend.hq, url, CHANGES, PAYLOAD_BYTES)
}, 180_000)

afterAll(async () => {
  await killHq()
  await backend?.close()
  await cluster?.stop()
  for (const dir of [pgDir, hqDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true })
}, 60_000)

describe('HQ killed mid-apply', () => {
  it('rolls the batch back; restarted, the shop pushes again: equal counts and checksums, nothing twice', async () => {
    // The kill can land a moment after the commit; then HQ is started again and the next batch is tried.
    let outcome = ''
    for (let attempt = 0; attempt < 3 && outcome !== 'aborted'; attempt++) {
      if (!hqProcess) await startHqProcess()
      const shop = startShopProcess(dataDir, BATCH)
      let inFlight: { pid: number; xid: string } | undefined
      await until(async () => (inFlight = await applyInFlight()) !== undefined, 120_000, 2)
      await killHq()
      await until(() => backendGone(inFlight!.pid), 30_000)
      outcome = await transactionStatus(inFlight!.xid)
      // Its HQ gone, the shop's sync ends with the batch unacknowledged, still waiting to be sent.
      expect(await shop.exited, shop.output()).toBe(0)
      expect(shop.output()).not.toContain('"problem":null')
    }
    expect(outcome).toBe('aborted')
    expect(await hqBatches()).toBeLessThan(CHANGES / BATCH)
    const before = await bothSides(dataDir, backend.hq, shopId)
    expect(before.unsent).toBeGreaterThan(0)

    await startHqProcess()
    const last = startShopProcess(dataDir, BATCH)
    expect(await last.exited, last.output()).toBe(0)
    expect(last.output()).toContain('"problem":null')

    const { outbox, unsent, applied, movements } = await bothSides(dataDir, backend.hq, shopId)
    expect(unsent).toBe(0)
    expect(applied.length).toBe(outbox.length)
    expect(new Set(applied).size).toBe(applied.length)
    expect(checksum(applied)).toBe(checksum(outbox))
    expect(movements).toBe(CHANGES)
    expect(await hqBatches()).toBe(Math.ceil(outbox.length / BATCH))
  }, 400_000)
})
