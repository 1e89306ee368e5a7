import type { AppContext } from '../../../app/context'

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
  return app.db.connection().execute(async () => {
    const synchronous = sqlite.pragma('synchronous', { simple: true }) as number
    sqlite.pragma('synchronous = NORMAL')
    try {
      return sqlite.transaction(write).immediate()
    } finally {
      sqlite.pragma(`synchronous = ${synchronous}`)
    }
  })
}
