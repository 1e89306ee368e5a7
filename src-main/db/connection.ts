import BetterSqlite3 from 'better-sqlite3'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import type { Database } from './schema'

export type Db = Kysely<Database>

/**
 * Opens the shop database with the pragmas the design asks for. `synchronous=FULL` because a
 * counter app commits rarely and a lost commit could lose a payment or a stock movement.
 */
export function openSqlite(file: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = FULL')
  return sqlite
}

export function createKysely(sqlite: BetterSqlite3.Database): Db {
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    // Columns are snake_case in SQL and camelCase in TypeScript.
    plugins: [new CamelCasePlugin()]
  })
}
