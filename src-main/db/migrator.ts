import type BetterSqlite3 from 'better-sqlite3'
import type { Migration } from './migration'

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

export interface MigrationReport {
  from: number
  to: number
  applied: number[]
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0)
}

/** Versions must be 1..n without gaps or repeats, so two features never claim the same step. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  const versions = migrations.map((m) => m.version).sort((a, b) => a - b)
  versions.forEach((version, index) => {
    if (version !== index + 1) throw new Error(`migration versions must run 1..n; found ${versions.join(',')}`)
  })
}

function currentVersion(sqlite: BetterSqlite3.Database): number {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`)
  const row = sqlite.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
    version: number | null
  }
  return row.version ?? 0
}

/**
 * Brings the database up to the app's schema in one transaction: either every pending step
 * lands or none does. Refuses a database written by a newer app rather than guessing.
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
    const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version)
    const record = sqlite.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
    for (const migration of pending) {
      for (const statement of migration.statements) sqlite.exec(statement)
      record.run(migration.version, migration.name, now().toISOString())
    }
    return { from, to: Math.max(from, appVersion), applied: pending.map((m) => m.version) }
  })
  // IMMEDIATE takes the write lock first, so two processes starting together cannot both migrate.
  return run.immediate()
}
