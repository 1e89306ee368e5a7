import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { AppContext } from '../../../app/context'
import { pauseAutomaticCheckpoints } from '../../../db/checkpointPause'

/**
 * While an import writes the registry, the WAL is folded back into the database file by a
 * worker thread on a connection of its own, never by the main connection. An automatic
 * checkpoint runs inside the commit that crosses the threshold (every 4 MiB of WAL): the main
 * thread would copy the pages and wait for two fsyncs there, and every desk's call would wait
 * behind it. A PASSIVE checkpoint on another connection lets the import's pages and the desks'
 * calls go on; the worker starts the next one as soon as one ends, so the WAL stays short and is
 * restarted from its beginning whenever a checkpoint has caught up with it.
 *
 * The worker is source text (as backups/snapshotWorker.ts), so it needs no bundling of its own.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driverPath)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('busy_timeout = 0')
let stopping = false
function fold() {
  try {
    return db.pragma('wal_checkpoint(PASSIVE)')[0]
  } catch {
    return null
  }
}
let lastCheckpointed = -1
function loop() {
  if (stopping) return
  const result = fold()
  // Behind and moving: go on at once. Caught up, or stuck behind a reader's snapshot (a backup
  // holds one for minutes): look again shortly instead of spinning a core.
  const moving = result !== null && result.log > result.checkpointed && result.checkpointed !== lastCheckpointed
  lastCheckpointed = result === null ? -1 : result.checkpointed
  setTimeout(loop, moving ? 0 : workerData.idleMs)
}
parentPort.on('message', () => {
  stopping = true
  fold()
  db.close()
  parentPort.close()
})
loop()
`

const IDLE_MS = 20

function driverPath(): string {
  return createRequire(__filename).resolve('better-sqlite3')
}

/**
 * Hands the WAL's checkpoints to a worker until the returned stop() (which waits for the worker's
 * last checkpoint and puts the connection's own setting back). A database in memory has no WAL.
 */
export function checkpointInWorker(app: AppContext): () => Promise<void> {
  if (!app.files) return async () => {}
  const { sqlite } = app
  const resumeCheckpoints = pauseAutomaticCheckpoints(sqlite)
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driverPath: driverPath(), file: app.files.databaseFile, idleMs: IDLE_MS }
  })
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve())
    // A worker that could not start leaves the checkpoints to the connection, as before.
    worker.once('error', (error) => {
      console.error('[warranty.import] checkpoint worker failed', error)
      resumeCheckpoints()
      resolve()
    })
  })
  return async () => {
    worker.postMessage('stop')
    await exited
    resumeCheckpoints()
  }
}
