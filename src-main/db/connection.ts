import BetterSqlite3 from 'better-sqlite3'
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig
} from 'kysely'
import type { Database } from './schema'
import { cachingStatements } from './statementCache'

export type Db = Kysely<Database>

/**
 * Opens the shop database with the pragmas the design asks for. `synchronous=FULL` because a
 * counter app commits rarely and a lost commit could lose a payment or a stock movement.
 */
export function openSqlite(file: string | Buffer): BetterSqlite3.Database {
  // A Buffer opens an in-memory copy of those bytes (see memoryImage.ts).
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = FULL')
  return sqlite
}

/**
 * Every transaction takes SQLite's write lock at its first statement (BEGIN IMMEDIATE). Inside
 * this app transactions already queue for the one connection; the early lock also makes a
 * second process on the same file (another terminal, a tool) wait its turn, instead of both
 * reading the same stock and the later writer failing with SQLITE_BUSY_SNAPSHOT.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: BetterSqlite3.Database,
    private readonly observer: TransactionObserver | undefined
  ) {
    super(config)
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // A full disk or an I/O error makes SQLite roll the transaction back itself; a ROLLBACK then
    // would fail with "no transaction is active" and hide the error that says what happened.
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection)
    this.observer?.rolledBack()
  }

  override async releaseConnection(): Promise<void> {
    // Kysely hands the one connection back after COMMIT, and after each statement run outside a
    // transaction: whatever was written by then is durable.
    this.observer?.settled()
    await super.releaseConnection()
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly dialectConfig: SqliteDialectConfig,
    private readonly sqlite: BetterSqlite3.Database,
    private readonly observer: TransactionObserver | undefined
  ) {
    super(dialectConfig)
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.dialectConfig, this.sqlite, this.observer)
  }
}

/**
 * Told when what a transaction wrote became durable or was thrown away, so the live-change feed
 * (features/changes) publishes only committed changes.
 */
export interface TransactionObserver {
  /** The connection was handed back; no transaction is open unless someone else opened one raw. */
  settled(): void
  rolledBack(): void
}

export function createKysely(sqlite: BetterSqlite3.Database, observer?: TransactionObserver): Db {
  return new Kysely<Database>({
    // Each SQL text is prepared once on this connection and reused (db/statementCache.ts).
    dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }, sqlite, observer),
    // Columns are snake_case in SQL and camelCase in TypeScript.
    plugins: [new CamelCasePlugin()]
  })
}
