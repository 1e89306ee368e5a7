import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type BetterSqlite3 from 'better-sqlite3'
import { setAutomaticCheckpointPages } from './checkpointPause'

/**
 * The shop database's WAL is folded back into the file by a worker thread on a connection of its
 * own, never by the connection every call runs on. An automatic checkpoint runs inside the commit
 * that crosses the threshold (every 1 000 pages, one commit in about 35 for a part issue): that
 * commit would copy the pages and wait for the file's flushes, and every desk's call would wait
 * behind it (npm run bench:parts, p99). A PASSIVE checkpoint on another connection lets commits go
 * on; the worker starts the next one as soon as one ends while the WAL grows, so the WAL is
 * restarted from its beginning whenever a checkpoint has caught up with it between two commits:
 * always, at a shop's pace.
 *
 * Commits that come back to back for long (a benchmark, a registry import's pages) leave the
 * worker no moment to catch up, so the connection keeps an automatic checkpoint as a backstop, at
 * four times SQLite's usual threshold: it then finds all but the last pages folded already, and
 * the WAL starts again from its beginning. A worker that fails or ends gives the connection its
 * own threshold back.
 *
 * The worker is source text (as backups/snapshotWorker.ts), so it needs no bundling of its own.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driverPath)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('busy_timeout = 0')
let stopping = false
let reported = false
function fold() {
  try {
    return db.pragma('wal_checkpoint(PASSIVE)')[0]
  } catch (error) {
    // Busy is a checkpoint's ordinary answer now and then; anything else is said once.
    if (!reported && error.code !== 'SQLITE_BUSY') {
      reported = true
      parentPort.postMessage(String(error))
    }
    return null
  }
}
let lastCheckpointed = -1
let lastLog = -1
let idle = workerData.idleMs
function loop() {
  if (stopping) return
  const result = fold()
  // Behind and moving: go on at once. Caught up, or stuck behind a reader's snapshot (a backup
  // holds one for minutes): look again later, sooner when the WAL grew since the last look, and
  // less and less often while the shop is quiet.
  const moving = result !== null && result.log > result.checkpointed && result.checkpointed !== lastCheckpointed
  const grew = result !== null && result.log !== lastLog
  lastCheckpointed = result === null ? -1 : result.checkpointed
  lastLog = result === null ? -1 : result.log
  idle = grew ? workerData.idleMs : Math.min(idle * 2, workerData.maxIdleMs)
  setTimeout(loop, moving ? 0 : idle)
}
parentPort.on('message', () => {
  stopping = true
  fold()
  db.close()
  parentPort.close()
})
loop()
`

/** How soon the worker looks again once it has caught up with a WAL that grew... */
const IDLE_MS = 20
/** ...and how long it rests at most while nothing is written. */
const MAX_IDLE_MS = 1_000

/** The connection's own automatic checkpoint while the worker runs: 16 MiB of WAL (4 KiB pages). */
export const BACKSTOP_CHECKPOINT_PAGES = 4_000

export interface CheckpointWorker {
  /** Waits for the worker's last checkpoint and gives the checkpoints back to the connection. */
  stop(): Promise<void>
}

function driverPath(): string {
  return createRequire(__filename).resolve('better-sqlite3')
}

/** Hands the WAL's checkpoints of `sqlite` (open on `databaseFile`) to a worker until stop(). */
export function startCheckpointWorker(sqlite: BetterSqlite3.Database, databaseFile: string): CheckpointWorker {
  const resumeCheckpoints = setAutomaticCheckpointPages(sqlite, BACKSTOP_CHECKPOINT_PAGES)
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driverPath: driverPath(), file: databaseFile, idleMs: IDLE_MS, maxIdleMs: MAX_IDLE_MS }
  })
  // The worker never keeps the process alive; a process that exits without stop() leaves a WAL
  // that the next start-up reads back, as after a power cut.
  worker.unref()
  worker.on('message', (problem) => console.error('[db] checkpoint worker:', problem))
  let stopped = false
  const exited = new Promise<void>((resolve) => {
    // However the worker ends (stopped, failed to start, crashed), the connection checkpoints
    // by itself again at its own threshold.
    worker.once('exit', () => {
      resumeCheckpoints()
      resolve()
    })
    worker.once('error', (error) => console.error('[db] checkpoint worker failed', error))
  })
  return {
    async stop() {
      if (stopped) return exited
      stopped = true
      // Waited for, the worker's last checkpoint keeps the process alive until it is done.
      worker.ref()
      worker.postMessage('stop')
      await exited
    }
  }
}
