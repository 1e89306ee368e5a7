import type { AppContext } from '../../../app/context'
import type { SyncProblem } from '../../../../src-shared/contract/sync'
import { endpointOf, readHqConnection, recordSyncProblem, recordSyncSuccess } from './connection'
import { HqCallError } from './hqClient'
import { pullAll, type PullOptions } from './pull'
import { pushOutbox, type PushOptions } from './push'

export interface SyncOutcome {
  pushed: number
  pulled: number
  problem: SyncProblem | null
}

export interface SyncRunOptions {
  push?: PushOptions
  pull?: PullOptions
}

/** The sync in progress per shop: "sync now" while the timer's run is going joins it. */
const running = new WeakMap<AppContext, Promise<SyncOutcome>>()

export function isSyncRunning(app: AppContext): boolean {
  return running.has(app)
}

async function runOnce(app: AppContext, options: SyncRunOptions): Promise<SyncOutcome> {
  const connection = await readHqConnection(app.db)
  if (!connection) return { pushed: 0, pulled: 0, problem: null }
  let pushed = 0
  let pulled = 0
  try {
    const endpoint = endpointOf(connection)
    // What the shop did goes first: a claim reaches HQ before the shop asks for its decision.
    pushed = await pushOutbox(app, endpoint, options.push)
    pulled = await pullAll(app, endpoint, options.pull)
    await recordSyncSuccess(app.db, app.clock())
    return { pushed, pulled, problem: null }
  } catch (error) {
    const problem: SyncProblem = error instanceof HqCallError ? error.problem : 'unexpected'
    if (problem === 'unexpected') console.error('[sync] sync with HQ failed', error)
    await recordSyncProblem(app.db, app.clock(), problem)
    return { pushed, pulled, problem }
  }
}

/**
 * Pushes the outbox and pulls HQ's tables, outside any counter call: each batch and page is its
 * own short transaction, so desks keep working while a long sync runs. Never throws; a failure
 * is recorded for the sync page and the next run starts where this one stopped.
 */
export function syncWithHq(app: AppContext, options: SyncRunOptions = {}): Promise<SyncOutcome> {
  const current = running.get(app)
  if (current) return current
  const run = runOnce(app, options).finally(() => running.delete(app))
  running.set(app, run)
  return run
}
