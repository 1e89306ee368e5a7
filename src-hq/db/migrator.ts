import { createHash } from 'node:crypto'
import type pg from 'pg'
import type { HqMigration } from './migration'

export class HqMigrationChangedError extends Error {
  constructor(
    readonly version: number,
    readonly migrationName: string
  ) {
    super(
      `HQ schema step ${version} "${migrationName}" is not the step this database was migrated with. ` +
        'A released migration must never change: install a released version of HQ.'
    )
    this.name = 'HqMigrationChangedError'
  }
}

export class HqDatabaseTooNewError extends Error {
  constructor(databaseVersion: number, appVersion: number) {
    super(`The HQ database is at schema version ${databaseVersion}; this HQ only knows up to ${appVersion}.`)
    this.name = 'HqDatabaseTooNewError'
  }
}

/** sha256 over version, name and statements with runs of whitespace folded (re-indenting is no change). */
export function hqMigrationChecksum(migration: HqMigration): string {
  const statements = migration.statements.map((statement) => statement.replace(/\s+/g, ' ').trim())
  return createHash('sha256')
    .update(JSON.stringify([migration.version, migration.name, statements]), 'utf8')
    .digest('hex')
}

/** Any number that is HQ's own: two HQ processes starting on one database migrate one after the other. */
const MIGRATION_LOCK = 7_150_001

/**
 * Brings the database to this HQ's schema in one transaction (PostgreSQL runs DDL in
 * transactions): every pending step lands or none does.
 */
export async function migrateHq(pool: pg.Pool, migrations: readonly HqMigration[]): Promise<number[]> {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error('HQ migration versions must run 1..n')
  })
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const recorded = await client.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version'
    )
    if (recorded.rows.length > migrations.length) {
      throw new HqDatabaseTooNewError(recorded.rows.length, migrations.length)
    }
    for (const row of recorded.rows) {
      const migration = migrations[row.version - 1]!
      if (hqMigrationChecksum(migration) !== row.checksum) {
        throw new HqMigrationChangedError(migration.version, migration.name)
      }
    }
    const applied: number[] = []
    for (const migration of migrations.slice(recorded.rows.length)) {
      for (const statement of migration.statements) await client.query(statement)
      await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        hqMigrationChecksum(migration)
      ])
      applied.push(migration.version)
    }
    await client.query('COMMIT')
    return applied
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}
