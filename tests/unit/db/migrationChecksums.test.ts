import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE_NAME, openApp } from '../../../src-main/app/openApp'
import { migrationChecksum } from '../../../src-main/db/checksum'
import type { Migration } from '../../../src-main/db/migration'
import { allMigrations } from '../../../src-main/db/migrations'
import { MigrationChangedError, migrate } from '../../../src-main/db/migrator'
import { tempDir } from '../helpers'

interface Recorded {
  version: number
  name: string
  checksum: string | null
}

function recorded(sqlite: BetterSqlite3.Database): Recorded[] {
  return sqlite.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as Recorded[]
}

const expectedRows = (migrations: readonly Migration[]): Recorded[] =>
  migrations.map((m) => ({ version: m.version, name: m.name, checksum: migrationChecksum(m) }))

const opened: BetterSqlite3.Database[] = []
afterEach(() => {
  for (const sqlite of opened.splice(0)) if (sqlite.open) sqlite.close()
})

function memoryDatabase(): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(':memory:')
  opened.push(sqlite)
  return sqlite
}

/** The shipped list with one statement of one released step edited, as a careless change would. */
function withChangedStep(version: number): Migration[] {
  return allMigrations.map((m) =>
    m.version === version ? { ...m, statements: [...m.statements.slice(0, -1), 'SELECT 1'] } : m
  )
}

describe('migration checksums', () => {
  it('a fresh database records the checksum of every step it runs', () => {
    const sqlite = memoryDatabase()
    migrate(sqlite, allMigrations)
    expect(recorded(sqlite)).toEqual(expectedRows(allMigrations))
  })

  it('a step added later is recorded with its checksum next to the earlier ones', () => {
    const sqlite = memoryDatabase()
    migrate(sqlite, allMigrations)
    const next: Migration = {
      version: allMigrations.length + 1,
      name: 'test: a later step',
      statements: ['CREATE TABLE later (id TEXT PRIMARY KEY)']
    }
    expect(migrate(sqlite, [...allMigrations, next]).applied).toEqual([next.version])
    expect(recorded(sqlite)).toEqual(expectedRows([...allMigrations, next]))
  })

  it('refuses to start when an applied step changed, naming the step, and touches nothing', () => {
    const sqlite = memoryDatabase()
    migrate(sqlite, allMigrations.slice(0, 8))
    const before = recorded(sqlite)
    const changed = withChangedStep(7)

    let thrown: unknown
    try {
      migrate(sqlite, changed)
    } catch (error) {
      thrown = error
    }

    expect(thrown).toBeInstanceOf(MigrationChangedError)
    expect(thrown).toMatchObject({
      version: 7,
      migrationName: 'repairs: code lists',
      recordedChecksum: migrationChecksum(allMigrations[6]!),
      appChecksum: migrationChecksum(changed[6]!)
    })
    expect((thrown as Error).message).toContain('Schema step 7 "repairs: code lists" is not the step')
    expect((thrown as Error).message).toContain('数据库结构第 7 步（repairs: code lists）')
    // Nothing pending ran and nothing was recorded.
    expect(sqlite.inTransaction).toBe(false)
    expect(recorded(sqlite)).toEqual(before)
    expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'warranty_policies'`).get()).toBeUndefined()
  })

  it('a changed step that has not run yet is simply run', () => {
    const sqlite = memoryDatabase()
    migrate(sqlite, allMigrations.slice(0, 6))
    const changed = withChangedStep(7)
    expect(migrate(sqlite, changed).applied).toEqual(allMigrations.slice(6).map((m) => m.version))
    expect(recorded(sqlite)).toEqual(expectedRows(changed))
  })

  it('openApp refuses a folder whose recorded step differs from the app, leaving it as it was', () => {
    const dir = tempDir()
    try {
      const file = join(dir.path, DATABASE_FILE_NAME)
      const sqlite = new BetterSqlite3(file)
      migrate(sqlite, allMigrations)
      sqlite.prepare('UPDATE schema_migrations SET checksum = ? WHERE version = 3').run('0'.repeat(64))
      sqlite.close()

      expect(() => openApp({ dataDir: dir.path })).toThrow(/Schema step 3 "numbering: number sequences"/)

      const reopened = new BetterSqlite3(file)
      expect(reopened.prepare('SELECT checksum FROM schema_migrations WHERE version = 3').get()).toEqual({
        checksum: '0'.repeat(64)
      })
      reopened.close()
    } finally {
      dir.remove()
    }
  })

  describe('a database from before checksums (release 0.1.0)', () => {
    /** The bookkeeping table as 0.1.0 made it, with the steps it had applied. */
    function releaseDatabase(migrations: readonly Migration[]): BetterSqlite3.Database {
      const sqlite = memoryDatabase()
      sqlite.exec(
        `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`
      )
      const record = sqlite.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      for (const migration of migrations) {
        for (const statement of migration.statements) sqlite.exec(statement)
        record.run(migration.version, migration.name, '2026-11-02T01:30:00.000Z')
      }
      return sqlite
    }

    it('gets the checksums of its applied steps recorded at the first start (trust on first use)', () => {
      const sqlite = releaseDatabase(allMigrations)
      expect(migrate(sqlite, allMigrations).applied).toEqual([])
      expect(recorded(sqlite)).toEqual(expectedRows(allMigrations))
    })

    it('is then held to them: a step changed afterwards refuses to start', () => {
      const sqlite = releaseDatabase(allMigrations.slice(0, 10))
      migrate(sqlite, allMigrations)
      expect(() => migrate(sqlite, withChangedStep(2))).toThrow(MigrationChangedError)
    })
  })
})
