/**
 * Shop-network benchmark: one shop server (the demo shop, a copy of it) with its LAN listener on,
 * and 10 desks, each a paired desk client (host/desk/shopServerClient.ts: HTTPS with the pinned
 * certificate, the desk credential, a request id on every write) on its own loopback address,
 * doing the counter's mix at 5 operations a second each for 60 s: search as you type (a customer's
 * name, keystroke by keystroke), open a job, issue a part to a job, take a payment (a counter sale
 * paid in cash), each desk also following the live-change stream as its screens do. Prints
 * p50/p95/p99 per kind and the error count; beside them the same operations through dispatch in
 * this process (no network), the raw SQLite figure for exactly the statements they ran, and one
 * commit; and the load average, since the machine may be shared. Targets (issue 14): no errors;
 * p95 under 20 ms for reads and 30 ms for writes. Asserts nothing.
 *
 *   npm run bench:network                        # a demo-sized shop, bulk-seeded (seconds)
 *   DEMO_DIR=demo-data npm run bench:network     # a copy of a demo shop generated before
 *   BENCH_SECONDS=20 npm run bench:network       # a shorter run
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { join } from 'node:path'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../src-main/app/openApp'
import type { AppContext } from '../../src-main/app/context'
import { createShopNetwork } from '../../src-main/host/web/shopNetwork'
import { pairWithShopServer, ShopServerClient } from '../../src-main/host/desk/shopServerClient'
import { handlers } from '../../src-main/rpc/handlers'
import { createShop, DEMO_PASSWORD, must } from '../../tools/demo/shop'
import { seedRepairs } from './seed'
import { seedParts } from './partsSeed'
import { createServer, type AddressInfo } from 'node:net'
import { spawn } from 'node:child_process'
import { KINDS, WRITES, type DeskLoad, type LoadResult, type Samples } from './networkMix'
import { inProcessFigures } from './networkRaw'

const DESKS = 10
const OPS_PER_SECOND = 5
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60)
const SERVER_ADDRESS = '127.0.0.10'
/** The demo shop's size (tools/demo/cli.ts): 3 000 customers, 4 000 jobs over 90 days, about 490 parts. */
const DEMO_SIZE = { customers: 3000, workOrders: 4000, days: 90, parts: 490, movements: 20_000 }

/**
 * A copy of a demo shop when DEMO_DIR names one (the run issues parts and takes payments, so the
 * demo stays as it was); otherwise a shop of the demo's size, bulk-seeded as the repairs and parts
 * benchmarks do (seconds instead of the generator's minutes), with the demo's staff and password.
 */
async function demoSizedShop(): Promise<{ app: AppContext; dataDir: string; cleanUp: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'network-bench-'))
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true })
  const given = process.env.DEMO_DIR
  if (given) {
    if (!existsSync(join(given, DATABASE_FILE_NAME))) throw new Error(`No demo shop in ${given}: npm run demo first`)
    cpSync(given, dataDir, { recursive: true })
    return { app: openApp({ dataDir }), dataDir, cleanUp }
  }
  const app = openApp({ dataDir })
  const { users } = await createShop(app)
  const byRole = (role: string) => [...users.values()].filter((u) => u.role === role).map((u) => u.id)
  const now = new Date()
  seedRepairs(app.sqlite, {
    customers: DEMO_SIZE.customers,
    workOrders: DEMO_SIZE.workOrders,
    days: DEMO_SIZE.days,
    now,
    technicianIds: byRole('technician'),
    deskUserIds: byRole('front_desk'),
    managerId: byRole('manager')[0]!
  })
  seedParts(app.sqlite, {
    parts: DEMO_SIZE.parts,
    movements: DEMO_SIZE.movements,
    now,
    days: DEMO_SIZE.days,
    clerkId: byRole('warehouse_clerk')[0]!
  })
  app.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  return { app, dataDir, cleanUp }
}

/** Names to type, open jobs to issue to, and stocked parts (each received in bulk first). */
async function prepare(app: AppContext, token: string): Promise<Samples> {
  const names = (
    app.sqlite.prepare(`SELECT name FROM customers WHERE erased_at IS NULL ORDER BY id LIMIT 300`).all() as {
      name: string
    }[]
  ).map((row) => row.name)
  const jobIds = (
    app.sqlite
      .prepare(
        `SELECT w.id FROM work_orders w WHERE w.status IN ('received', 'diagnosing', 'repairing', 'awaiting_parts')
           AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.work_order_id = w.id) ORDER BY w.id LIMIT 300`
      )
      .all() as { id: string }[]
  ).map((row) => row.id)
  const partRows = app.sqlite
    .prepare(
      `SELECT id, selling_price_fen AS priceFen FROM parts WHERE active = 1 AND serial_tracked = 0
         AND selling_price_fen > 0 ORDER BY id LIMIT 40`
    )
    .all() as { id: string; priceFen: number }[]
  await must(
    app,
    'parts.receive',
    {
      reference: 'BENCH-STOCK',
      lines: partRows.map((part) => ({ partId: part.id, quantity: 50_000, unitCostFen: 1_000 }))
    },
    token
  )
  return { names, jobIds, parts: partRows }
}

/** A port nobody listens on right now, on the given address. */
async function freePort(address: string): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, address, () => resolve()))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function row(label: string, timings: number[]): string {
  const sorted = [...timings].sort((a, b) => a - b)
  const f = (ms: number) => ms.toFixed(1).padStart(7)
  return `  ${label.padEnd(44)} n=${String(sorted.length).padStart(5)}  p50 ${f(percentile(sorted, 50))}  p95 ${f(percentile(sorted, 95))}  p99 ${f(percentile(sorted, 99))} ms`
}

async function main(): Promise<void> {
  const { app, dataDir, cleanUp } = await demoSizedShop()
  const clients: ShopServerClient[] = []
  try {
    const { token: adminToken } = await must(app, 'auth.signIn', { username: 'admin', password: DEMO_PASSWORD })
    const samples = await prepare(app, adminToken)
    const network = createShopNetwork(app, handlers, { dataDir, bindAddress: SERVER_ADDRESS })
    app.shopNetwork = network
    const status = await must(
      app,
      'network.setLanListening',
      { on: true, port: await freePort(SERVER_ADDRESS) },
      adminToken
    )
    const url = status.addresses[0]!
    const users = ['admin', 'wangfang']
    const desks: DeskLoad['desks'] = []
    let fingerprint = ''
    for (let i = 0; i < DESKS; i += 1) {
      const address = `127.0.0.${20 + i}`
      const { code } = await must(app, 'desks.pairingCode', {}, adminToken)
      const paired = await pairWithShopServer(url, { code, deskName: `前台${i + 1}` }, address)
      if (!paired.ok) throw new Error(`pairing failed: ${JSON.stringify(paired.error)}`)
      fingerprint = paired.fingerprint
      const client = new ShopServerClient({
        url,
        fingerprint: paired.fingerprint,
        credential: paired.pairing.credential,
        localAddress: address
      })
      clients.push(client)
      const signIn = await client.call({
        operation: 'auth.signIn',
        input: { username: users[i % users.length], password: DEMO_PASSWORD }
      })
      if (!signIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signIn.error)}`)
      desks.push({
        credential: paired.pairing.credential,
        token: (signIn.data as { token: string }).token,
        address
      })
    }

    const loadBefore = loadavg()
    console.log(
      `\n${DESKS} desks over HTTPS (a process of their own), ${OPS_PER_SECOND} operations/s each for ${SECONDS} s, against a demo-sized shop (${dataDir})…`
    )
    const load: DeskLoad = { url, fingerprint, desks, samples, opsPerSecond: OPS_PER_SECOND, seconds: SECONDS }
    // How long the shop server's one thread kept a ready request waiting.
    const eventLoop = monitorEventLoopDelay({ resolution: 5 })
    eventLoop.enable()
    // What the server spends per call, whatever the machine's load: CPU time, and time its one thread was busy.
    const cpuBefore = process.cpuUsage()
    const busyBefore = performance.eventLoopUtilization()
    const { timings, errors, changeBatches } = await runDesks(load)
    const cpu = process.cpuUsage(cpuBefore)
    const busy = performance.eventLoopUtilization(busyBefore)
    eventLoop.disable()
    const loadAfter = loadavg()
    const inProcess = await inProcessFigures(app, samples, adminToken)

    const total = Object.values(timings).reduce((sum, list) => sum + list.length, 0)
    const loads = (figures: number[]) => figures.map((figure) => figure.toFixed(2)).join(' ')
    console.log(
      `\nLoad average (1, 5, 15 min) before ${loads(loadBefore)}, after ${loads(loadAfter)}; ${cpus().length} CPUs`
    )
    console.log(`${total} calls in ${SECONDS} s (${(total / SECONDS).toFixed(1)}/s)`)
    console.log(
      `Errors: ${Object.values(errors).reduce((a, b) => a + b, 0)}${
        Object.keys(errors).length
          ? ` (${Object.entries(errors)
              .map(([code, count]) => `${code} ${count}`)
              .join(', ')})`
          : ''
      }`
    )
    const ms = (ns: number) => (ns / 1e6).toFixed(1)
    console.log(
      `Shop server's event loop delay: p50 ${ms(eventLoop.percentile(50))}, p99 ${ms(eventLoop.percentile(99))}, max ${ms(eventLoop.max)} ms`
    )
    console.log(
      `Shop server per call: ${((cpu.user + cpu.system) / 1000 / total).toFixed(2)} ms CPU, ${(busy.active / total).toFixed(2)} ms of its thread busy (${(100 * busy.utilization).toFixed(0)}% of the run)`
    )
    console.log(`Live-change batches the desks received: ${changeBatches}`)
    for (const kind of KINDS) {
      console.log(`\n${kind} (${WRITES.has(kind) ? 'write, target p95 < 30 ms' : 'read, target p95 < 20 ms'})`)
      console.log(row('desk over HTTPS (10 desks at once)', timings[kind]))
      console.log(row('dispatch in this process, no network', inProcess.dispatch.get(kind)!))
      for (const raw of inProcess.raw.get(kind)!) console.log(row(raw.label, raw.timings))
    }
  } finally {
    for (const client of clients) client.close()
    await app.shopNetwork?.apply({ on: false, port: 0 })
    await closeApp(app)
    cleanUp()
  }
}

/** The desks run in a child process, so their TLS and JSON work does not queue behind the server's. */
function runDesks(load: DeskLoad): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'networkDesks.ts')], {
      env: { ...process.env, NETWORK_BENCH_LOAD: JSON.stringify(load) },
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the desks' process exited with ${code}`))
      resolve(JSON.parse(output) as LoadResult)
    })
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
