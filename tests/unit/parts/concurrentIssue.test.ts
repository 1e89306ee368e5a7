import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import { startWebHost } from '../../../src-main/host/web/server'
import type { RpcResult } from '../../../src-shared/contract'
import { ADMIN, SHOP, callOk, createUserAndSignIn, handlers, initializedApp, tempDir } from '../helpers'
import { openOrder } from '../workOrders/fixtures'
import { newPart, receive } from './fixtures'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function issueMovements(sqlite: BetterSqlite3.Database, partId: string): number {
  return (
    sqlite.prepare("SELECT count(*) AS n FROM stock_movements WHERE part_id = ? AND kind = 'issue'").get(partId) as {
      n: number
    }
  ).n
}

describe('two clerks issuing the last unit at the same moment', () => {
  it('through two HTTP requests at once: exactly one succeeds, the other gets STOCK_INSUFFICIENT', async () => {
    const shop = await initializedApp()
    cleanups.push(() => closeApp(shop.app))
    const web = await startWebHost(shop.app, handlers, { port: 0 })
    cleanups.push(() => web.close())
    const [clerkA, clerkB, desk] = await Promise.all(
      ['warehouse_clerk', 'warehouse_clerk', 'front_desk'].map((role) =>
        createUserAndSignIn(shop.app, shop.adminToken, role as 'front_desk')
      )
    )
    const part = await newPart(shop.app, clerkA!.token)
    await receive(shop.app, clerkA!.token, part.id, 1, 8_800)
    const [first, second] = [await openOrder(shop.app, desk!.token), await openOrder(shop.app, desk!.token)]

    const post = async (token: string, workOrderId: string) => {
      const response = await fetch(new URL('rpc/workOrderParts.issue', web.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ workOrderId, partId: part.id, quantity: 1 })
      })
      return (await response.json()) as RpcResult<unknown>
    }
    const results = await Promise.all([post(clerkA!.token, first.id), post(clerkB!.token, second.id)])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error.code)).toEqual([
      'STOCK_INSUFFICIENT'
    ])
    expect((await callOk(shop.app, 'parts.get', { id: part.id }, clerkA!.token)).onHand).toBe(0)
    expect(issueMovements(shop.app.sqlite, part.id)).toBe(1)
  })

  it('from two processes on the same database file: exactly one succeeds', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const app = openApp({ dataDir: dir.path })
    const setup = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
    const clerk = await createUserAndSignIn(app, setup.token, 'warehouse_clerk')
    const desk = await createUserAndSignIn(app, setup.token, 'front_desk')
    const part = await newPart(app, clerk.token)
    await receive(app, clerk.token, part.id, 1, 8_800)
    const orders = [await openOrder(app, desk.token), await openOrder(app, desk.token)]
    await closeApp(app)

    const worker = fileURLToPath(new URL('./issueWorker.ts', import.meta.url))
    const processes = orders.map((order) =>
      spawn(process.execPath, [
        '--import',
        'tsx',
        worker,
        dir.path,
        clerk.user.username,
        clerk.password,
        order.id,
        part.id
      ])
    )
    for (const child of processes) cleanups.push(() => void child.kill())
    const lines = processes.map((child) => linesOf(child))
    await Promise.all(lines.map((next) => next()).map(async (line) => expect(await line).toBe('ready')))
    for (const child of processes) child.stdin.write('go\n')
    const outcomes = (await Promise.all(lines.map((next) => next()))).map(
      (line) => JSON.parse(line) as { ok: boolean; code?: string }
    )
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1)
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([{ ok: false, code: 'STOCK_INSUFFICIENT' }])

    const reopened = openApp({ dataDir: dir.path })
    cleanups.push(() => closeApp(reopened))
    expect(
      (reopened.sqlite.prepare('SELECT on_hand FROM parts WHERE id = ?').get(part.id) as { on_hand: number }).on_hand
    ).toBe(0)
    expect(issueMovements(reopened.sqlite, part.id)).toBe(1)
  }, 30_000)
})

/** Reads a child's output a line at a time; stderr is kept for the failure message. */
function linesOf(child: ChildProcessWithoutNullStreams): () => Promise<string> {
  const queue: string[] = []
  const waiting: ((line: string) => void)[] = []
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  createInterface({ input: child.stdout }).on('line', (line) => {
    const next = waiting.shift()
    if (next) next(line)
    else queue.push(line)
  })
  child.on('exit', (code) => {
    if (code !== 0) for (const next of waiting.splice(0)) next(`exit ${code}: ${errors}`)
  })
  return () => {
    const line = queue.shift()
    return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => waiting.push(resolve))
  }
}
