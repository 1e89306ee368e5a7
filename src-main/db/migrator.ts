import type BetterSqlite3 from 'better-sqlite3'
import type { Migration } from './migration'
import { migrationChecksum } from './checksum'

export class DatabaseTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number
  ) {
    super(
      `The database is at schema version ${databaseVersion}, but this app only knows up to ${appVersion}. ` +
        'Install the newer version of the app that wrote this database.'
    )
    this.name = 'DatabaseTooNewError'
  }
}

/**
 * A step this database already ran is not the same step in this app any more. Running on would
 * leave the database unlike any other shop's, so the app refuses to start and names the step.
 */
export class MigrationChangedError extends Error {
  constructor(
    readonly version: number,
    readonly migrationName: string,
    readonly recordedChecksum: string,
    readonly appChecksum: string
  ) {
    super(
      `Schema step ${version} "${migrationName}" is not the step this database was migrated with ` +
        `(recorded checksum ${recordedChecksum}, this app's ${appChecksum}). A released migration must never ` +
        'change: this build cannot open the database. Install a released version of the app.\n' +
        `数据库结构第 ${version} 步（${migrationName}）与此数据库当初执行的不一致，本程序不能打开此数据库。请安装正式发布的版本。`
    )
    this.name = 'MigrationChangedError'
  }
}

export interface MigrationReport {
  from: number
  to: number
  applied: number[]
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0)
}

/**
 * The list is the order steps run in, so its versions must run 1..n down the list without gaps or
 * repeats: two features never claim the same step, and nothing is ever sorted into place.
 */
export function checkMigrationList(migrations: readonly Migration[]): void {
  const versions = migrations.map((m) => m.version)
  versions.forEach((version, index) => {
    if (version !== index + 1) throw new Error(`migration versions must run 1..n; found ${versions.join(',')}`)
  })
}

/**
 * The bookkeeping table: one row per step applied. `checksum` is empty only on rows written by
 * release 0.1.0, which had no checksums, until the first start of a newer app fills it in.
 */
function currentVersion(sqlite: BetterSqlite3.Database): number {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    checksum TEXT
  )`)
  const row = sqlite.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
    version: number | null
  }
  return row.version ?? 0
}

/** Databases made by release 0.1.0 have the table without the checksum column. */
function addChecksumColumn(sqlite: BetterSqlite3.Database): void {
  const columns = sqlite.prepare(`SELECT name FROM pragma_table_info('schema_migrations')`).all() as { name: string }[]
  if (!columns.some((column) => column.name === 'checksum')) {
    sqlite.exec('ALTER TABLE schema_migrations ADD COLUMN checksum TEXT')
  }
}

/**
 * Every step this database already ran must be, checksum for checksum, the step in this app.
 * Rows without a checksum were written before checksums existed: those are trusted on first use,
 * their checksum recorded from this app's steps (a step changed before then cannot be caught).
 */
function verifyApplied(sqlite: BetterSqlite3.Database, migrations: readonly Migration[]): void {
  const recorded = sqlite.prepare('SELECT version, checksum FROM schema_migrations ORDER BY version').all() as {
    version: number
    checksum: string | null
  }[]
  const fill = sqlite.prepare('UPDATE schema_migrations SET checksum = ? WHERE version = ?')
  for (const row of recorded) {
    // checkMigrationList has made version n the list's n-th entry; the caller refused newer rows.
    const migration = migrations[row.version - 1]!
    const checksum = migrationChecksum(migration)
    if (row.checksum === null) fill.run(checksum, row.version)
    else if (row.checksum !== checksum) {
      throw new MigrationChangedError(migration.version, migration.name, row.checksum, checksum)
    }
  }
}

/**
 * Brings the database up to the app's schema in one transaction: either every pending step
 * lands or none does. Refuses a database written by a newer app rather than guessing, and one
 * whose applied steps differ from this app's (see verifyApplied); either way it is left untouched.
 */
export function migrate(
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[],
  now: () => Date = () => new Date()
): MigrationReport {
  checkMigrationList(migrations)
  const appVersion = latestVersion(migrations)
  const run = sqlite.transaction((): MigrationReport => {
    const from = currentVersion(sqlite)
    if (from > appVersion) throw new DatabaseTooNewError(from, appVersion)
    addChecksumColumn(sqlite)
    verifyApplied(sqlite, migrations)
    const pending = migrations.filter((m) => m.version > from)
    const record = sqlite.prepare(
      'INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)'
    )
    for (const migration of pending) {
      for (const statement of migration.statements) sqlite.exec(statement)
      record.run(migration.version, migration.name, now().toISOString(), migrationChecksum(migration))
    }
    return { from, to: Math.max(from, appVersion), applied: pending.map((m) => m.version) }
  })
  // IMMEDIATE takes the write lock first, so two processes starting together cannot both migrate.
  return run.immediate()
}
