import { join } from 'node:path'
import type { AppContext } from './context'
import { createKysely, openSqlite } from '../db/connection'
import { migrate } from '../db/migrator'
import { allMigrations } from '../db/migrations'
import { migratedImage } from '../db/memoryImage'
import { ChangeBus } from '../features/changes/bus'
import { SessionStore } from '../features/auth/sessions'
import { SessionRows } from '../features/auth/sessionRows'
import { SignInThrottle } from '../features/auth/sourceThrottle'
import { installPasscodeKeys } from '../features/workOrders/passcodeSeal'
import { installShopKeySeal } from '../features/sync/shopKeySeal'
import { sealStoredPasscodes } from '../features/workOrders/sealStoredPasscodes'
import { startHousekeeping } from './housekeeping'
import { startCheckpointWorker } from '../db/checkpointWorker'
import { ephemeralKeyProvider, fileKeyProvider, type PasscodeKeyProvider } from './passcodeKey'
import { preparePrivateDatabaseFile, preparePrivateDataDir } from './privateFiles'
import type { AppFiles } from './context'
import { backupBeforeUpgrade } from '../features/backups/beforeUpgrade'
import { revertUnfinishedImports } from '../features/warranty/import/undo'

export const DATABASE_FILE_NAME = 'service-center.sqlite'

export interface OpenAppOptions {
  /** A folder for the database; `:memory:` for throwaway tests. */
  dataDir: string
  clock?: () => Date
  /** The passcode key's keeper: the desktop shell passes the OS-protected one; else a key file in the data folder. */
  passcodeKeys?: PasscodeKeyProvider
}

/** Opens (and migrates) the shop database and returns the context every host serves from. */
export function openApp(options: OpenAppOptions): AppContext {
  let files: AppFiles | undefined
  if (options.dataDir !== ':memory:') {
    preparePrivateDataDir(options.dataDir)
    files = { dataDir: options.dataDir, databaseFile: join(options.dataDir, DATABASE_FILE_NAME) }
    preparePrivateDatabaseFile(files.databaseFile)
  }
  const clock = options.clock ?? (() => new Date())
  const sqlite = openSqlite(files?.databaseFile ?? migratedImage(allMigrations))
  try {
    // An upgrade changes the shop's data for good: keep a verified copy of it as it was first.
    if (files) backupBeforeUpgrade(sqlite, files, allMigrations, clock())
    migrate(sqlite, allMigrations)
    // Erased passcodes and rewritten rows are overwritten on disk, not left in free pages.
    sqlite.pragma('secure_delete = ON')
    const keys = (options.passcodeKeys ?? (files ? fileKeyProvider(files.dataDir) : ephemeralKeyProvider())).loadKeys()
    installPasscodeKeys(keys.current, keys.previous)
    installShopKeySeal(keys.current, keys.previous)
    sealStoredPasscodes(sqlite)
    // A registry import the app was applying when it stopped is taken back out before anyone works.
    revertUnfinishedImports(sqlite)
  } catch (error) {
    sqlite.close()
    throw error
  }
  const changes = new ChangeBus()
  const app: AppContext = {
    sqlite,
    db: createKysely(sqlite, changes.watch(sqlite)),
    changes,
    // Through the context, not this handle: a restore puts a new database in place.
    sessions: new SessionStore(clock, new SessionRows(() => app.sqlite)),
    signInThrottle: new SignInThrottle(),
    clock,
    ...(files ? { files, checkpoints: startCheckpointWorker(sqlite, files.databaseFile) } : {})
  }
  // Through the context, not the handle of the moment: a restore puts a new database in place.
  app.housekeeping = startHousekeeping(() => app.db, clock)
  return app
}

export async function closeApp(app: AppContext): Promise<void> {
  app.housekeeping?.stop()
  await app.housekeeping?.firstRun
  app.sessions.flush()
  // The worker's connection closes first, so the app's own close folds the rest and removes the WAL.
  await app.checkpoints?.stop()
  await app.db.destroy()
  // Kysely only closes the handle if it ever ran a query; close it ourselves otherwise.
  if (app.sqlite.open) app.sqlite.close()
}
