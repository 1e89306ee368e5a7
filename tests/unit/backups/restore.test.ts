import BetterSqlite3 from 'better-sqlite3'
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE_NAME, openApp } from '../../../src-main/app/openApp'
import { BACKSTOP_CHECKPOINT_PAGES } from '../../../src-main/db/checkpointWorker'
import { latestVersion } from '../../../src-main/db/migrator'
import { allMigrations } from '../../../src-main/db/migrations'
import { copyNameAt, writeManifest } from '../../../src-main/features/backups/copyFolder'
import { auditRows, callError, callOk, closeApp, createUserAndSignIn, countRows, MINUTE, tempDir } from '../helpers'
import { addCustomer, fileShopPerTest, tableChecksums } from './fixtures'

const fileShop = fileShopPerTest()
const RELEASE_010 = join(__dirname, '..', '..', 'fixtures', 'db', 'release-0.1.0.sqlite')

describe('restoring a backup', () => {
  it('a round trip gives back identical counts and checksums, after a safety copy of today', async () => {
    const { app, adminToken, clock } = await fileShop()
    for (let i = 0; i < 5; i++) await addCustomer(app, adminToken)
    const atBackup = tableChecksums(app.sqlite)
    const auditAtBackup = auditRows(app)
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)

    clock.advance(10 * MINUTE)
    for (let i = 0; i < 3; i++) await addCustomer(app, adminToken)
    const preview = await callOk(app, 'backups.previewRestore', { name: copy.name }, adminToken)
    expect(preview).toMatchObject({ current: { customers: 8 }, copy: { counts: { customers: 5 } }, tooNew: false })

    const result = await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(result.safetyCopy).toMatchObject({ reason: 'restore', counts: { customers: 8 } })
    expect(countRows(app, 'customers')).toBe(5)
    // Everything but the audit trail, which now also says the copy was taken and put back, and the
    // sessions, which a restore ends (every desk signs in again onto the restored data).
    const skip = ['audit_log', 'sessions']
    expect(tableChecksums(app.sqlite, skip)).toEqual(
      Object.fromEntries(Object.entries(atBackup).filter(([t]) => !skip.includes(t)))
    )
    expect(auditRows(app).filter((row) => row.action !== 'backups.restore')).toEqual(auditAtBackup)
    expect(auditRows(app, 'backups.restore')).toMatchObject([{ entityId: copy.name }])
    // The restored file has its own checkpoint worker again (the connection keeps only the backstop).
    expect(app.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_CHECKPOINT_PAGES)
  })

  it('every desk is signed out and told why; the admin signs in again onto the restored data', async () => {
    const { app, adminToken } = await fileShop()
    const desk = await createUserAndSignIn(app, adminToken, 'front_desk')
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    await callOk(app, 'backups.restore', { name: copy.name }, adminToken)

    for (const token of [adminToken, desk.token]) {
      expect(await callError(app, 'customers.search', { query: '' }, token)).toMatchObject({
        code: 'UNAUTHENTICATED',
        messageKey: 'errors.sessionEndedByRestore'
      })
    }
    const { token } = await callOk(app, 'auth.signIn', { username: 'admin', password: 'correct-horse-1' })
    expect((await callOk(app, 'backups.list', {}, token)).copies.map((c) => c.reason).sort()).toEqual([
      'manual',
      'restore'
    ])
  })

  it('a copy from a newer version is refused with a clear message, and today’s data stays', async () => {
    const { app, adminToken, backupFolder } = await fileShop()
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    const newer = new BetterSqlite3(join(backupFolder, copy.name))
    const future = latestVersion(allMigrations) + 1
    newer
      .prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', '2030-01-01')`)
      .run(future)
    newer.close()
    await addCustomer(app, adminToken)

    const error = await callError(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.copyTooNew' })
    expect(countRows(app, 'customers')).toBe(1)
    // Nothing happened: still signed in, no safety copy taken.
    expect((await callOk(app, 'backups.list', {}, adminToken)).copies).toHaveLength(1)
  })

  it('a damaged copy is refused and today’s data stays', async () => {
    const { app, adminToken, backupFolder } = await fileShop()
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    writeFileSync(join(backupFolder, copy.name), 'not a database any more')
    await addCustomer(app, adminToken)
    const error = await callError(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.copyDamaged' })
    expect(countRows(app, 'customers')).toBe(1)
  })

  it('a file that holds no shop (empty, another program’s database, a shop never set up) is refused and today’s data stays', async () => {
    const { app, adminToken, backupFolder } = await fileShop()
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    const file = join(backupFolder, copy.name)
    await addCustomer(app, adminToken)
    const neverSetUp = tempDir()
    try {
      const notSetUp = openApp({ dataDir: neverSetUp.path })
      await closeApp(notSetUp)
      const notAShop: Array<[string, () => void]> = [
        // A copy cut to nothing (a stick that filled up, a sync that never finished) opens as an empty database.
        ['empty file', () => writeFileSync(file, '')],
        [
          'another database',
          () => {
            writeFileSync(file, '')
            const other = new BetterSqlite3(file)
            other.exec('CREATE TABLE notes (text TEXT)')
            other.close()
          }
        ],
        ['a shop never set up', () => copyFileSync(join(neverSetUp.path, DATABASE_FILE_NAME), file)]
      ]
      for (const [what, write] of notAShop) {
        write()
        const error = await callError(app, 'backups.restore', { name: copy.name }, adminToken)
        expect(error, what).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.copyNotAShop' })
        // Nothing happened: the shop keeps its data, its admin and this session, and no safety copy was taken.
        expect(countRows(app, 'customers'), what).toBe(1)
        expect((await callOk(app, 'setup.status', {})).initialized, what).toBe(true)
        expect((await callOk(app, 'backups.list', {}, adminToken)).copies, what).toHaveLength(1)
      }
    } finally {
      neverSetUp.remove()
    }
  })

  it('an older copy is brought up to date by the normal migrations', async () => {
    const { app, adminToken, backupFolder, clock } = await fileShop()
    await callOk(app, 'backups.takeNow', {}, adminToken)
    const name = copyNameAt(new Date('2026-01-01T00:00:00.000Z'))
    copyFileSync(RELEASE_010, join(backupFolder, name))
    writeManifest(backupFolder, {
      name,
      takenAt: '2026-01-01T00:00:00.000Z',
      reason: 'daily',
      sizeBytes: 1,
      schemaVersion: 14,
      counts: { jobs: 1, customers: 1, payments: 0 }
    })
    clock.advance(MINUTE)
    await callOk(app, 'backups.restore', { name }, adminToken)
    const version = app.sqlite.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }
    expect(version.v).toBe(latestVersion(allMigrations))
    const { token } = await callOk(app, 'auth.signIn', { username: 'admin', password: 'release-0.1.0' })
    expect((await callOk(app, 'settings.get', {}, token)).profile.name).toBe('星河维修中心')
  })

  it('opening an older database keeps a verified copy of it before the upgrade', async () => {
    const { app, adminToken, dataDir, backupFolder } = await fileShop()
    await callOk(app, 'backups.takeNow', {}, adminToken)
    const { closeApp, openApp } = await import('../../../src-main/app/openApp')
    await closeApp(app)
    copyFileSync(RELEASE_010, join(dataDir, DATABASE_FILE_NAME))
    const upgraded = openApp({ dataDir, clock: () => new Date('2026-12-01T02:00:00.000Z') })
    try {
      const { token } = await callOk(upgraded, 'auth.signIn', { username: 'admin', password: 'release-0.1.0' })
      const copies = (await callOk(upgraded, 'backups.list', {}, token)).copies
      expect(copies.find((c) => c.reason === 'upgrade')).toMatchObject({ schemaVersion: 14 })
      expect(readdirSync(backupFolder).filter((f) => f.endsWith('.partial'))).toEqual([])
    } finally {
      await closeApp(upgraded)
    }
  })
})
