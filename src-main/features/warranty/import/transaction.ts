import type BetterSqlite3 from 'better-sqlite3'
import type { AppContext } from '../../../app/context'
import { ensureStagingTable } from './staging'

interface SyncStatements {
  read: BetterSqlite3.Statement
  normal: BetterSqlite3.Statement
  full: BetterSqlite3.Statement
}

/** Prepared once per connection: a statement prepared per transaction waits for the GC to go. */
const statementsOf = new WeakMap<BetterSqlite3.Database, SyncStatements>()

function syncStatements(sqlite: BetterSqlite3.Database): SyncStatements {
  let statements = statementsOf.get(sqlite)
  if (statements === undefined) {
    statements = {
      read: sqlite.prepare('PRAGMA synchronous').pluck(),
      normal: sqlite.prepare('PRAGMA synchronous = NORMAL'),
      full: sqlite.prepare('PRAGMA synchronous = FULL')
    }
    statementsOf.set(sqlite, statements)
  }
  return statements
}

/**
 * One short write of a registry import (a batch staged, a page applied or undone). It takes the
 * connection's turn like every other call (so it never runs inside another call's transaction)
 * and commits without waiting for the disk (synchronous=NORMAL, for this transaction only: the
 * setting is put back before anyone else gets the connection). The import has no money or
 * stock in it, and its pages are written in order: after a power cut the database holds a
 * prefix of them, which the run's record lets the next start take back out. The transaction
 * that finishes an import is an ordinary one, and its commit makes everything before it durable.
 */
export async function importTransaction<T>(app: AppContext, write: () => T): Promise<T> {
  const { sqlite } = app
  const statements = syncStatements(sqlite)
  return app.db.connection().execute(async () => {
    ensureStagingTable(sqlite)
    const synchronous = statements.read.get() as number
    statements.normal.run()
    try {
      return sqlite.transaction(write).immediate()
    } finally {
      // The connection runs FULL (db/connection.ts); any other setting is put back as it was.
      if (synchronous === 2) statements.full.run()
      else if (synchronous !== 1) sqlite.pragma(`synchronous = ${Number(synchronous)}`)
    }
  })
}
