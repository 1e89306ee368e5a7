import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { COUNTED_TABLES, type DatabaseFacts } from './facts'
import { WORKER_SOURCE } from './snapshotWorkerSource'

/**
 * The backup runs in a worker thread on its own connection: better-sqlite3 is synchronous, so a
 * copy on the main connection would stop every desk for its whole length. In WAL mode the worker
 * reads one consistent snapshot while the desks keep writing.
 *
 * The worker is given as source text (snapshotWorkerSource.ts) rather than a file so that it needs
 * no bundling of its own: the same code runs under Vitest, tsx and both built hosts. It loads
 * better-sqlite3 from the path the main thread resolved, and reads the same facts as facts.ts
 * (kept in step by the tests).
 */

function driverPath(): string {
  // __filename in the CommonJS bundles of both hosts and under Vitest; resolution then finds the
  // same better-sqlite3 the main thread loaded (inside the packaged app too).
  return createRequire(__filename).resolve('better-sqlite3')
}

/**
 * Writes a consistent copy of `source` into `target` (an empty file the caller created with the
 * right mode), then opens the copy and runs the integrity check. Resolves with what it holds.
 * `released` is called once the worker has let its snapshot go and folded the WAL back.
 */
export function snapshotInWorker(source: string, target: string, released: () => void): Promise<DatabaseFacts> {
  return runWorker(source, target, released)
}

/** Checks an existing copy (a restore reads it again: a stick can rot) without holding up the desks. */
export function verifyInWorker(copy: string): Promise<DatabaseFacts> {
  return runWorker(null, copy, () => undefined)
}

type WorkerMessage = { released: true } | { facts: DatabaseFacts }

function runWorker(source: string | null, target: string, released: () => void): Promise<DatabaseFacts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driverPath: driverPath(),
        source,
        target,
        countedTables: COUNTED_TABLES
      }
    })
    let facts: DatabaseFacts | undefined
    worker.on('message', (message: WorkerMessage) => {
      if ('released' in message) released()
      else facts = message.facts
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (facts) resolve(facts)
      else reject(new Error(`backup worker stopped (exit code ${code}) without a verified copy`))
    })
  })
}
