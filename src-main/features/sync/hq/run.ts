import type { AppContext } from '../../../app/context'
import type { SyncProblem } from '../../../../src-shared/contract/sync'
import { endpointOf, readHqConnection, recordSyncProblem, recordSyncSuccess } from './connection'
import { HqCallError } from './hqClient'
import { pullAll, type PullOptions } from './pull'
import { pruneAcknowledged } from './prune'
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

function problemOf(error: unknown): SyncProblem {
  const problem: SyncProblem = error instanceof HqCallError ? error.problem : 'unexpected'
  if (problem === 'unexpected') console.error('[sync] sync with HQ failed', error)
  return problem
}

/**
 * A push that fails for its batch (HQ refused it, or the shop could not make it) still lets the
 * pull run: HQ's claim decisions and registry keep arriving while one batch waits for help. A
 * push that fails for the connection (unreachable, key) would fail the pull the same way.
 */
const PUSH_PROBLEMS_OF_THE_BATCH: readonly SyncProblem[] = ['hqRefused', 'unexpected']

/** What HQ acknowledged long ago goes; a failure to prune is logged and never fails the sync. */
async function pruneQuietly(app: AppContext): Promise<void> {
  try {
    await pruneAcknowledged(app, app.clock())
  } catch (error) {
    console.error('[sync] pruning acknowledged outbox rows failed', error)
  }
}

async function runOnce(app: AppContext, options: SyncRunOptions): Promise<SyncOutcome> {
  const connection = await readHqConnection(app.db)
  if (!connection) return { pushed: 0, pulled: 0, problem: null }
  let pushed = 0
  let pulled = 0
  let pushProblem: SyncProblem | null = null
  let pullProblem: SyncProblem | null = null
  let pullRan = false
  try {
    const endpoint = endpointOf(connection)
    // What the shop did goes first: a claim reaches HQ before the shop asks for its decision.
    try {
      pushed = await pushOutbox(app, endpoint, options.push)
    } catch (error) {
      pushProblem = problemOf(error)
    }
    if (pushProblem === null) await pruneQuietly(app)
    if (pushProblem === null || PUSH_PROBLEMS_OF_THE_BATCH.includes(pushProblem)) {
      pulled = await pullAll(app, endpoint, options.pull)
      pullRan = true
    }
  } catch (error) {
    pullProblem = problemOf(error)
  }
  const problem = pushProblem ?? pullProblem
  if (problem) await recordSyncProblem(app.db, app.clock(), problem, pullRan)
  else await recordSyncSuccess(app.db, app.clock())
  return { pushed, pulled, problem }
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
