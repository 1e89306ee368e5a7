import type { Db } from '../../../db/connection'
import type { HqConnectionTable } from '../tables'
import { openShopKey } from '../shopKeySeal'
import { HqCallError, type HqEndpoint, type HqProblem } from './hqClient'

export type HqConnection = HqConnectionTable

export async function readHqConnection(db: Db): Promise<HqConnection | undefined> {
  return db.selectFrom('hqConnection').selectAll().where('id', '=', 1).executeTakeFirst()
}

/** Whether the shop is enrolled with HQ: from then on HQ's data is HQ's to change. */
export async function isEnrolledWithHq(db: Db): Promise<boolean> {
  return (await readHqConnection(db)) !== undefined
}

/** Where to reach HQ and the opened shop key; refuses plainly when the key no longer opens. */
export function endpointOf(connection: HqConnection): HqEndpoint {
  const shopKey = openShopKey(connection.sealedKey)
  if (shopKey === null) throw new HqCallError('keyUnreadable', 'the sealed shop key does not open with this key file')
  return { baseUrl: connection.hqUrl, fingerprint: connection.fingerprint, shopKey }
}

export async function recordSyncSuccess(db: Db, at: Date): Promise<void> {
  await db
    .updateTable('hqConnection')
    .set({ lastSuccessAt: at.toISOString(), lastAttemptAt: at.toISOString(), lastError: null, failures: 0 })
    .where('id', '=', 1)
    .execute()
}

/**
 * A run that failed. `failures` counts the runs in a row HQ could not serve, and the timer waits
 * longer after each (schedule.ts); a run where only the push of one batch failed while the pull
 * went through (`hqAnswered`) is no reason to wait longer for HQ's decisions and registry.
 */
export async function recordSyncProblem(
  db: Db,
  at: Date,
  problem: HqProblem | 'unexpected',
  hqAnswered = false
): Promise<void> {
  const connection = await readHqConnection(db)
  if (!connection) return
  await db
    .updateTable('hqConnection')
    .set({
      lastAttemptAt: at.toISOString(),
      lastError: problem,
      lastErrorAt: at.toISOString(),
      failures: hqAnswered ? 0 : connection.failures + 1
    })
    .where('id', '=', 1)
    .execute()
}
