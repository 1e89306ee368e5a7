import BetterSqlite3 from 'better-sqlite3'

/**
 * A read-only view of the shop database at one moment, for reading every table without holding
 * the counter up. On a database file it is a second, read-only connection inside one read
 * transaction: in WAL mode it never takes the write lock, desks keep writing while it reads, and
 * every table comes from the same snapshot. An in-memory database (tests) has no second
 * connection, so it is read through the app's own, one query at a time.
 */
export interface Snapshot {
  /** The rows of a query, fetched as they are consumed. */
  rows(query: string, params?: readonly string[]): Iterable<unknown[]>
  close(): void
}

export function openSnapshot(sqlite: BetterSqlite3.Database): Snapshot {
  if (sqlite.memory) {
    return {
      // Each query is read whole: the app's connection cannot run other statements while an iterator is open.
      rows: (query, params = []) =>
        sqlite
          .prepare(query)
          .raw(true)
          .all(...params) as unknown[][],
      close: () => undefined
    }
  }
  const reader = new BetterSqlite3(sqlite.name, { readonly: true, fileMustExist: true })
  reader.pragma('busy_timeout = 5000')
  reader.exec('BEGIN')
  // The snapshot is taken at the first read, so read at once.
  reader.prepare('SELECT COUNT(*) FROM sqlite_master').get()
  return {
    rows: (query, params = []) =>
      reader
        .prepare(query)
        .raw(true)
        .iterate(...params) as Iterable<unknown[]>,
    close: () => {
      if (reader.inTransaction) reader.exec('COMMIT')
      reader.close()
    }
  }
}
