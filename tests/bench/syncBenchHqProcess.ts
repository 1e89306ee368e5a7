import { startHq, type RunningHq } from '../../src-hq/app'
import { registerShop } from '../../src-hq/shops/service'
import { upsertRegistryUnits } from '../../src-hq/seed/registry'
import { registryUnit } from './syncBenchRows'

/**
 * The sync benchmark's real HQ in a process of its own, as HQ runs at a brand (on a machine of its
 * own): its request handling, row shaping and JSON are not the shop's process's work. Driven by
 * the benchmark over IPC (syncBenchHq.ts): one request `{ id, op, args }`, one answer `{ id, result }`
 * or `{ id, error }`. Usage: node --import tsx syncBenchHqProcess.ts <dataDir>
 */

/** Rows per import call: HQ's import commits every 50 000 rows too. */
const IMPORT_ROWS = 50_000

interface Request {
  id: number
  op: 'start' | 'registerShop' | 'publishRegistry' | 'changeCount' | 'cpuMs' | 'stop'
  args: unknown[]
}

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: syncBenchHqProcess.ts <dataDir>')
let running: RunningHq | null = null
let port = 0

const hq = () => {
  if (!running) throw new Error('HQ is down')
  return running.hq
}

const operations: Record<Request['op'], (...args: never[]) => Promise<unknown>> = {
  async start() {
    running = await startHq({ dataDir, host: '127.0.0.1', port, name: 'Bench HQ', timeZone: 'Asia/Shanghai' })
    port = Number(new URL(running.url).port)
    return { url: running.url, fingerprint: running.fingerprint }
  },
  registerShop: async (name: string) => (await registerShop(hq(), name)).code,
  async publishRegistry(count: number) {
    for (let from = 0; from < count; from += IMPORT_ROWS) {
      const units = Array.from({ length: Math.min(IMPORT_ROWS, count - from) }, (_, k) => registryUnit(from + k))
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
  /** CPU time this process has used (its database server's not included). */
  async cpuMs() {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  },
  async stop() {
    await running?.stop()
    running = null
  }
}

process.on('message', (request: Request) => {
  operations[request.op](...(request.args as never[])).then(
    (result) => process.send?.({ id: request.id, result }),
    (error: unknown) => process.send?.({ id: request.id, error: String(error) })
  )
})
// The benchmark gone (ended or failed): HQ stops its database server too, then goes.
process.on('disconnect', () => {
  const stopping = running ? running.stop() : Promise.resolve()
  void stopping.finally(() => process.exit(0))
})
