import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { COUNTED_TABLES, type DatabaseFacts } from './facts'

/**
 * The backup runs in a worker thread on its own read-only connection: better-sqlite3 is
 * synchronous, so `VACUUM INTO` on the main connection would stop every desk for its whole
 * length. In WAL mode the worker reads one consistent snapshot while the desks keep writing.
 *
 * The worker is given as source text rather than a file so that it needs no bundling of its own:
 * the same code runs under Vitest, tsx and both built hosts. It loads better-sqlite3 from the path
 * the main thread resolved, and reads the same facts as facts.ts (kept in step by the tests).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driverPath)
if (workerData.source !== null) {
  const source = new Database(workerData.source, { readonly: true, fileMustExist: true })
  try {
    source.pragma('busy_timeout = 5000')
    source.prepare('VACUUM INTO ?').run(workerData.target)
  } finally {
    source.close()
  }
  // While the snapshot was held the WAL could not be folded back into the database, and it grew
  // by everything the desks wrote meanwhile. Fold it back here rather than in the next desk's
  // commit on the main thread; PASSIVE lets the writers go on.
  const checkpointer = new Database(workerData.source, { fileMustExist: true })
  try {
    checkpointer.pragma('wal_checkpoint(PASSIVE)')
  } finally {
    checkpointer.close()
  }
}
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
  parentPort.postMessage({ schemaVersion, counts })
} finally {
  copy.close()
}
`

function driverPath(): string {
  // __filename in the CommonJS bundles of both hosts and under Vitest; resolution then finds the
  // same better-sqlite3 the main thread loaded (inside the packaged app too).
  return createRequire(__filename).resolve('better-sqlite3')
}

/**
 * Writes a consistent copy of `source` into `target` (an empty file the caller created with the
 * right mode), then opens the copy and runs the integrity check. Resolves with what it holds.
 */
export function snapshotInWorker(source: string, target: string): Promise<DatabaseFacts> {
  return runWorker(source, target)
}

/** Checks an existing copy (a restore reads it again: a stick can rot) without holding up the desks. */
export function verifyInWorker(copy: string): Promise<DatabaseFacts> {
  return runWorker(null, copy)
}

function runWorker(source: string | null, target: string): Promise<DatabaseFacts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driverPath: driverPath(), source, target, countedTables: COUNTED_TABLES }
    })
    let facts: DatabaseFacts | undefined
    worker.once('message', (message: DatabaseFacts) => (facts = message))
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (facts) resolve(facts)
      else reject(new Error(`backup worker stopped (exit code ${code}) without a verified copy`))
    })
  })
}
