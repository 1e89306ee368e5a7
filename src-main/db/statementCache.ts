import type BetterSqlite3 from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/**
 * How many distinct SQL texts stay prepared. The app builds a few hundred distinct queries (a
 * query's text depends on its shape, not on its values), so the hot ones never fall out; a
 * query built with a varying number of placeholders (`in (…)` lists) cannot fill memory.
 */
export const STATEMENT_CACHE_SIZE = 500

/**
 * The database as Kysely sees it, preparing each SQL text once. Kysely asks for a new statement
 * for every query it runs; preparing means parsing and planning the SQL again each time, which
 * costs more than running a small indexed query. A prepared statement holds no state between
 * runs (parameters are bound per run), so reusing it inside or outside a transaction, and after
 * a rollback, gives the same answers as a fresh one; SQLite prepares it again by itself when the
 * schema changed under it. The statements belong to this one connection: a restore that opens a
 * new database makes a new Kysely over it, and with it a new cache.
 */
export function cachingStatements(sqlite: BetterSqlite3.Database, capacity = STATEMENT_CACHE_SIZE): SqliteDatabase {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  const statements = new Map<string, BetterSqlite3.Statement>()
  return {
    close() {
      statements.clear()
      if (sqlite.open) sqlite.close()
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql)
      // A statement still being iterated (a streamed query) cannot run twice at once: a fresh one.
      if (cached?.busy) return sqlite.prepare(sql)
      if (cached) {
        statements.delete(sql)
        statements.set(sql, cached)
        return cached
      }
      const statement = sqlite.prepare(sql)
      statements.set(sql, statement)
      if (statements.size > capacity) statements.delete(statements.keys().next().value!)
      return statement
    }
  }
}
