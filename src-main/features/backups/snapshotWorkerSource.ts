/**
 * The backup worker's code, run with `eval` in a worker thread (snapshotWorker.ts says why).
 *
 * The copy is taken with SQLite's online backup API over one snapshot: the worker opens a read
 * transaction and holds it for every step, so the desks' commits go on into the WAL past that
 * snapshot and never restart the copy (the backup API restarts only when its connection sees a
 * newer database, which a held read transaction never does). It copies pages as they are, so it
 * costs a fraction of `VACUUM INTO`, which rebuilds every table and index. The copy is flushed to
 * disk as it grows, so the kernel never has gigabytes to write at once while a desk's commit waits
 * for its own flush.
 */
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { closeSync, fdatasyncSync, openSync } = require('node:fs')
const Database = require(workerData.driverPath)

const PAGES_PER_STEP = 256
const FLUSH_EVERY_PAGES = 8192

async function copySnapshot() {
  const source = new Database(workerData.source, { readonly: true, fileMustExist: true })
  try {
    source.pragma('busy_timeout = 5000')
    // The read transaction that pins the snapshot for every step of the copy.
    source.exec('BEGIN')
    source.prepare('SELECT COUNT(*) FROM sqlite_master').get()
    const target = openSync(workerData.target, 'r+')
    try {
      let flushed = 0
      await source.backup(workerData.target, {
        progress({ totalPages, remainingPages }) {
          if (totalPages - remainingPages - flushed >= FLUSH_EVERY_PAGES) {
            fdatasyncSync(target)
            flushed = totalPages - remainingPages
          }
          return PAGES_PER_STEP
        }
      })
      fdatasyncSync(target)
    } finally {
      closeSync(target)
    }
    source.exec('COMMIT')
  } finally {
    source.close()
  }
  // The pages carry the shop database's WAL flag; a copy is an ordinary single file.
  const copy = new Database(workerData.target, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

// While the snapshot was held the WAL could not be folded back into the database, and it grew by
// everything the desks wrote meanwhile (the main connection's automatic checkpoints wait until the
// worker says it has let the snapshot go). Fold it back here, not in a desk's commit on the main
// thread; PASSIVE lets the writers go on.
function foldWalBack() {
  const db = new Database(workerData.source, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    db.pragma('wal_checkpoint(PASSIVE)')
  } finally {
    db.close()
  }
}

function verify() {
  const copy = new Database(workerData.target, { readonly: true, fileMustExist: true })
  try {
    const integrity = copy.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new Error('backup copy failed its integrity check: ' + integrity)
    const hasTable = (name) =>
      copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
    const count = (table) => (hasTable(table) ? copy.prepare('SELECT COUNT(*) AS n FROM "' + table + '"').get().n : 0)
    const schemaVersion = hasTable('schema_migrations')
      ? (copy.prepare('SELECT MAX(version) AS v FROM schema_migrations').get().v ?? 0)
      : 0
    const counts = {}
    for (const [key, table] of Object.entries(workerData.countedTables)) counts[key] = count(table)
    return { schemaVersion, counts }
  } finally {
    copy.close()
  }
}

async function main() {
  if (workerData.source !== null) {
    await copySnapshot()
    foldWalBack()
    parentPort.postMessage({ released: true })
  }
  parentPort.postMessage({ facts: verify() })
}

main().catch((error) => {
  // Thrown outside the promise, it reaches the main thread as the worker's 'error' event.
  setImmediate(() => {
    throw error
  })
})
`
