import { renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { AppFiles } from '../../app/context'
import type { Migration } from '../../db/migration'
import { latestVersion } from '../../db/migrator'
import { DEFAULT_BACKUP_SETTINGS, type BackupCopy, type BackupSettings } from '../../../src-shared/contract/backups'
import { BACKUP_SETTINGS_KEY, backupTarget, type BackupTarget } from './backupSettings'
import { copyNameAt, createPrivateFile, isFolder, prepareBackupFolder, writeManifest } from './copyFolder'
import { readDatabaseFacts, verifyCopy } from './facts'

/**
 * Before the migrations of a newer app change the shop's database, a verified copy of it as it
 * was. Runs at start-up, before anything serves, so it copies on the main connection. A chosen
 * folder that is not there (the stick is out) does not stop the upgrade from being backed up:
 * the copy goes to the data folder's own `backups` instead.
 */
export function backupBeforeUpgrade(
  sqlite: BetterSqlite3.Database,
  files: AppFiles,
  migrations: readonly Migration[],
  at: Date
): BackupCopy | undefined {
  const facts = readDatabaseFacts(sqlite)
  if (facts.schemaVersion === 0 || facts.schemaVersion >= latestVersion(migrations)) return undefined
  const target = usableTarget(files, storedSettings(sqlite))
  prepareBackupFolder(target.folder, target.isDefault)
  const name = copyNameAt(at)
  const partial = join(target.folder, `${name}.partial`)
  createPrivateFile(partial)
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial)
    const verified = verifyCopy(partial, (file) => new BetterSqlite3(file, { readonly: true, fileMustExist: true }))
    renameSync(partial, join(target.folder, name))
    const copy: BackupCopy = {
      name,
      takenAt: at.toISOString(),
      reason: 'upgrade',
      sizeBytes: statSync(join(target.folder, name)).size,
      ...verified
    }
    writeManifest(target.folder, copy)
    return copy
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

function usableTarget(files: AppFiles, settings: BackupSettings): BackupTarget {
  const chosen = backupTarget(files, settings)
  return chosen.isDefault || isFolder(chosen.folder) ? chosen : backupTarget(files, { folder: null })
}

/** The backup settings as stored, read before Kysely is set up; defaults where none are saved. */
function storedSettings(sqlite: BetterSqlite3.Database): BackupSettings {
  const hasTable = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'shop_settings'`).get()
  if (!hasTable) return DEFAULT_BACKUP_SETTINGS
  const row = sqlite.prepare('SELECT value FROM shop_settings WHERE key = ?').get(BACKUP_SETTINGS_KEY) as
    { value: string } | undefined
  return { ...DEFAULT_BACKUP_SETTINGS, ...(row ? (JSON.parse(row.value) as Partial<BackupSettings>) : {}) }
}
