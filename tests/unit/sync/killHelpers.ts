import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import { enqueueOutbox } from '../../../src-main/features/sync/outbox'
import type { HqContext } from '../../../src-hq/context'
import { registerShop } from '../../../src-hq/shops/service'
import { callOk, SHOP, ADMIN } from '../helpers'

/** Helpers of the kill tests: a process of a test's own (the shop's sync, HQ), and the two sides compared. */

const ROOT = join(__dirname, '..', '..', '..')

export interface TestProcess {
  child: ChildProcess
  exited: Promise<number | null>
  output(): string
}

/**
 * Runs one of the scripts beside this file, its output collected. tsx is loaded into the one node
 * process (`--import tsx`) rather than run as its CLI, which would start the script in a second
 * process that a SIGKILL to the first one leaves running.
 */
export function startScript(script: string, args: readonly string[]): TestProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

/** The shop's sync (shopProcess.ts) on a data folder, pushing in batches of `batchSize`. */
export const startShopProcess = (dataDir: string, batchSize: number) =>
  startScript('shopProcess.ts', [dataDir, String(batchSize)])

export async function until(condition: () => Promise<boolean>, timeoutMs: number, pollMs = 10): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}

export const checksum = (ids: readonly string[]) =>
  createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex')

/**
 * A shop set up in `dataDir`, enrolled with the HQ at `hqUrl` and holding `changes` unsent
 * stock movements (each padded to `payloadBytes`, for a batch that takes HQ a while to apply).
 * Answers the shop's id at HQ.
 */
export async function enrolledShopWithOutbox(
  dataDir: string,
  hq: HqContext,
  hqUrl: string,
  changes: number,
  payloadBytes = 0
): Promise<string> {
  const app = openApp({ dataDir })
  try {
    const { token } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
    const { code } = await registerShop(hq, 'kill test shop')
    const { fingerprint } = await callOk(app, 'sync.readCertificate', { hqUrl }, token)
    const shopId = (await callOk(app, 'sync.enrol', { hqUrl, fingerprint, code }, token)).shopId!
    const note = 'x'.repeat(payloadBytes)
    await app.db.transaction().execute(async (trx) => {
      for (let i = 0; i < changes; i++) {
        await enqueueOutbox(trx, new Date(), {
          entity: 'stock_movement',
          entityId: `m-${i}`,
          operation: 'upsert',
          payload: payloadBytes > 0 ? { index: i, quantity: 1, note } : { index: i, quantity: 1 }
        })
      }
    })
    return shopId
  } finally {
    await closeApp(app)
  }
}

/**
 * Both sides after the sync finished: the shop's outbox all sent, and at HQ each of its change
 * ids applied once and the shop's stock movements stored once each.
 */
export async function bothSides(
  dataDir: string,
  hq: HqContext,
  shopId: string
): Promise<{ outbox: string[]; unsent: number; applied: string[]; movements: number }> {
  const shop = openApp({ dataDir })
  const outbox = shop.sqlite.prepare('SELECT id FROM outbox ORDER BY id').pluck().all() as string[]
  const unsent = shop.sqlite.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL').pluck().get() as number
  await closeApp(shop)
  const applied = await hq.db.selectFrom('appliedChanges').select('changeId').where('shopId', '=', shopId).execute()
  const records = await hq.db
    .selectFrom('shopRecords')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('shopId', '=', shopId)
    .where('entity', '=', 'stock_movement')
    .executeTakeFirstOrThrow()
  return { outbox, unsent, applied: applied.map((row) => row.changeId), movements: Number(records.n) }
}
