import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../../src-main/app/openApp'
import { openSqlite } from '../../../src-main/db/connection'
import type { Migration } from '../../../src-main/db/migration'
import { allMigrations } from '../../../src-main/db/migrations'
import { checkMigrationList, DatabaseTooNewError, latestVersion, migrate } from '../../../src-main/db/migrator'
import { ROLES } from '../../../src-shared/domain/roles'
import { tempDir } from '../helpers'

function schemaOf(sqlite: BetterSqlite3.Database): { type: string; name: string; sql: string | null }[] {
  return sqlite
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as { type: string; name: string; sql: string | null }[]
}

function tableNames(sqlite: BetterSqlite3.Database): string[] {
  return schemaOf(sqlite)
    .filter((entry) => entry.type === 'table')
    .map((entry) => entry.name)
}

function appliedVersions(sqlite: BetterSqlite3.Database): number[] {
  return (sqlite.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map(
    (row) => row.version
  )
}

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!()
})

/** A database file in a fresh temp folder, closed and removed after the test. */
function emptyDatabaseFile(): { file: string; folder: string; open: () => BetterSqlite3.Database } {
  const dir = tempDir()
  const file = join(dir.path, 'shop.sqlite')
  const opened: BetterSqlite3.Database[] = []
  cleanups.push(() => {
    for (const sqlite of opened) if (sqlite.open) sqlite.close()
    dir.remove()
  })
  return {
    file,
    folder: dir.path,
    open: () => {
      const sqlite = openSqlite(file)
      opened.push(sqlite)
      return sqlite
    }
  }
}

const allVersions = allMigrations.map((m) => m.version)

describe('migrator', () => {
  it('the shipped migration list is numbered 1..n without gaps or repeats', () => {
    expect(() => checkMigrationList(allMigrations)).not.toThrow()
    expect(allVersions).toEqual([...allVersions].sort((a, b) => a - b))
  })

  it('migrating an empty file applies every version and creates the feature tables', () => {
    const sqlite = emptyDatabaseFile().open()
    const report = migrate(sqlite, allMigrations)
    expect(report).toEqual({ from: 0, to: latestVersion(allMigrations), applied: allVersions })
    expect(appliedVersions(sqlite)).toEqual(allVersions)
    expect(tableNames(sqlite)).toEqual(
      expect.arrayContaining([
        'users',
        'roles',
        'shop_settings',
        'number_sequences',
        'audit_log',
        'outbox',
        'schema_migrations'
      ])
    )
    const roles = sqlite.prepare('SELECT code FROM roles ORDER BY sort_order').all() as { code: string }[]
    expect(roles.map((r) => r.code)).toEqual([...ROLES])
  })

  it('records when each step was applied, using the injected clock', () => {
    const sqlite = emptyDatabaseFile().open()
    const at = new Date('2026-01-23T08:00:00.000Z')
    migrate(sqlite, allMigrations, () => at)
    const stamps = sqlite.prepare('SELECT DISTINCT applied_at FROM schema_migrations').all() as { applied_at: string }[]
    expect(stamps).toEqual([{ applied_at: at.toISOString() }])
  })

  it('running the migrator again is a no-op', () => {
    const sqlite = emptyDatabaseFile().open()
    migrate(sqlite, allMigrations)
    const schemaBefore = schemaOf(sqlite)
    const rowsBefore = sqlite.prepare('SELECT * FROM schema_migrations ORDER BY version').all()

    const report = migrate(sqlite, allMigrations)

    expect(report.applied).toEqual([])
    expect(report.from).toBe(latestVersion(allMigrations))
    expect(report.to).toBe(latestVersion(allMigrations))
    expect(schemaOf(sqlite)).toEqual(schemaBefore)
    expect(sqlite.prepare('SELECT * FROM schema_migrations ORDER BY version').all()).toEqual(rowsBefore)
  })

  it('a database at the previous version gets only the newest step', () => {
    const sqlite = emptyDatabaseFile().open()
    const previous = allMigrations.slice(0, -1)
    migrate(sqlite, previous)
    const latest = allMigrations[allMigrations.length - 1]!

    const report = migrate(sqlite, allMigrations)

    expect(report).toEqual({ from: latestVersion(previous), to: latest.version, applied: [latest.version] })
    expect(appliedVersions(sqlite)).toEqual(allVersions)
  })

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const database = emptyDatabaseFile()
    const sqlite = database.open()
    migrate(sqlite, allMigrations)
    const futureVersion = latestVersion(allMigrations) + 1
    sqlite.exec(`CREATE TABLE future_feature (id TEXT PRIMARY KEY)`)
    sqlite
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      .run(futureVersion, 'future: a table this app does not know', '2027-01-01T00:00:00.000Z')
    const schemaBefore = schemaOf(sqlite)
    const versionsBefore = appliedVersions(sqlite)
    sqlite.close()
    const fileHash = () => createHash('sha256').update(readFileSync(database.file)).digest('hex')
    const bytesBefore = fileHash()

    const again = database.open()
    let thrown: unknown
    try {
      migrate(again, allMigrations)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DatabaseTooNewError)
    expect(thrown).toMatchObject({ databaseVersion: futureVersion, appVersion: latestVersion(allMigrations) })
    expect(again.inTransaction).toBe(false)
    expect(schemaOf(again)).toEqual(schemaBefore)
    expect(appliedVersions(again)).toEqual(versionsBefore)
    again.close()
    expect(fileHash()).toBe(bytesBefore)
  })

  it('openApp refuses a too-new database folder', () => {
    const database = emptyDatabaseFile()
    const sqlite = new BetterSqlite3(join(database.folder, DATABASE_FILE_NAME))
    sqlite.exec(
      `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`
    )
    sqlite
      .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
      .run(latestVersion(allMigrations) + 5, 'future', 'x')
    sqlite.close()

    expect(() => openApp({ dataDir: database.folder })).toThrow(DatabaseTooNewError)

    const reopened = new BetterSqlite3(join(database.folder, DATABASE_FILE_NAME))
    expect(tableNames(reopened)).toEqual(['schema_migrations'])
    reopened.close()
  })

  it('a failing migration rolls back every step of the run, not just its own', () => {
    const sqlite = emptyDatabaseFile().open()
    const synthetic: Migration[] = [
      {
        version: 1,
        name: 'good',
        statements: ['CREATE TABLE widgets (id INTEGER PRIMARY KEY)', 'INSERT INTO widgets VALUES (1)']
      },
      {
        version: 2,
        name: 'half good',
        statements: ['CREATE TABLE gadgets (id INTEGER PRIMARY KEY)', 'CREATE TABLE broken (']
      }
    ]

    expect(() => migrate(sqlite, synthetic)).toThrow()

    expect(sqlite.inTransaction).toBe(false)
    expect(tableNames(sqlite)).toEqual([])
  })

  it('a failing step on top of an existing version keeps the existing version intact', () => {
    const sqlite = emptyDatabaseFile().open()
    const first: Migration = { version: 1, name: 'good', statements: ['CREATE TABLE widgets (id INTEGER PRIMARY KEY)'] }
    migrate(sqlite, [first])
    const schemaBefore = schemaOf(sqlite)

    const bad: Migration = {
      version: 2,
      name: 'bad',
      statements: ['ALTER TABLE widgets ADD COLUMN name TEXT', 'INSERT INTO nowhere VALUES (1)']
    }
    expect(() => migrate(sqlite, [first, bad])).toThrow()

    expect(schemaOf(sqlite)).toEqual(schemaBefore)
    expect(appliedVersions(sqlite)).toEqual([1])
  })

  describe('checkMigrationList', () => {
    const step = (version: number): Migration => ({ version, name: `step ${version}`, statements: [] })

    it('accepts 1..n in list order', () => {
      expect(() => checkMigrationList([step(1), step(2), step(3)])).not.toThrow()
    })

    it('rejects 1..n out of list order: the order steps run in is the list, never sorted', () => {
      expect(() => checkMigrationList([step(2), step(1), step(3)])).toThrow(/1\.\.n/)
    })

    it('rejects a gap', () => {
      expect(() => checkMigrationList([step(1), step(3)])).toThrow(/1\.\.n/)
    })

    it('rejects a duplicate version', () => {
      expect(() => checkMigrationList([step(1), step(2), step(2)])).toThrow(/1\.\.n/)
    })

    it('rejects a list that does not start at 1', () => {
      expect(() => checkMigrationList([step(2), step(3)])).toThrow(/1\.\.n/)
    })

    it('migrate refuses a bad list before touching the database', () => {
      const sqlite = emptyDatabaseFile().open()
      expect(() => migrate(sqlite, [step(1), step(1)])).toThrow()
      expect(tableNames(sqlite)).toEqual([])
    })
  })
})

describe('openApp', () => {
  it('creates the database file in a new folder, migrated, with WAL and foreign keys on', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const dataDir = join(dir.path, 'nested', 'data')

    const app = openApp({ dataDir })
    try {
      expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(true)
      expect(app.sqlite.name).toBe(join(dataDir, DATABASE_FILE_NAME))
      expect(app.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(app.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(app.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0)
      // NORMAL (1) or stronger: a lost commit could lose a payment.
      expect(app.sqlite.pragma('synchronous', { simple: true })).toBeGreaterThanOrEqual(1)
      expect(appliedVersions(app.sqlite)).toEqual(allVersions)
    } finally {
      await closeApp(app)
    }
    expect(app.sqlite.open).toBe(false)
  })

  it('enforces foreign keys', async () => {
    const app = openApp({ dataDir: ':memory:' })
    try {
      expect(() =>
        app.sqlite
          .prepare(
            `INSERT INTO users (id, username, display_name, role, password_hash, password_changed_at, created_at, updated_at)
             VALUES ('u1', 'ghost', 'Ghost', 'no_such_role', 'x', 'now', 'now', 'now')`
          )
          .run()
      ).toThrow(/FOREIGN KEY/)
    } finally {
      await closeApp(app)
    }
  })

  it('reopening an existing folder keeps its data and applies nothing', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const first = openApp({ dataDir: dir.path })
    first.sqlite.exec(`INSERT INTO number_sequences (name, period, last_value) VALUES ('WO', '2026-01-23', 7)`)
    await closeApp(first)

    const second = openApp({ dataDir: dir.path })
    try {
      expect(second.sqlite.prepare('SELECT last_value FROM number_sequences').get()).toEqual({ last_value: 7 })
      expect(migrate(second.sqlite, allMigrations).applied).toEqual([])
    } finally {
      await closeApp(second)
    }
  })
})
