import { join } from 'node:path'
import type { AppContext } from './context'
import { createKysely, openSqlite } from '../db/connection'
import { migrate } from '../db/migrator'
import { allMigrations } from '../db/migrations'
import { SessionStore } from '../features/auth/sessions'
import { SignInThrottle } from '../features/auth/sourceThrottle'
import { installPasscodeKeys } from '../features/workOrders/passcodeSeal'
import { sealStoredPasscodes } from '../features/workOrders/sealStoredPasscodes'
import { startHousekeeping } from './housekeeping'
import { ephemeralKeyProvider, fileKeyProvider, type PasscodeKeyProvider } from './passcodeKey'
import { preparePrivateDatabaseFile, preparePrivateDataDir } from './privateFiles'

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
  let file = ':memory:'
  if (options.dataDir !== ':memory:') {
    preparePrivateDataDir(options.dataDir)
    file = join(options.dataDir, DATABASE_FILE_NAME)
    preparePrivateDatabaseFile(file)
  }
  const sqlite = openSqlite(file)
  try {
    migrate(sqlite, allMigrations)
    // Erased passcodes and rewritten rows are overwritten on disk, not left in free pages.
    sqlite.pragma('secure_delete = ON')
    const keys = (
      options.passcodeKeys ?? (file === ':memory:' ? ephemeralKeyProvider() : fileKeyProvider(options.dataDir))
    ).loadKeys()
    installPasscodeKeys(keys.current, keys.previous)
    sealStoredPasscodes(sqlite)
  } catch (error) {
    sqlite.close()
    throw error
  }
  const clock = options.clock ?? (() => new Date())
  const db = createKysely(sqlite)
  return {
    sqlite,
    db,
    sessions: new SessionStore(clock),
    signInThrottle: new SignInThrottle(),
    clock,
    housekeeping: startHousekeeping(db, clock)
  }
}

export async function closeApp(app: AppContext): Promise<void> {
  app.housekeeping?.stop()
  await app.housekeeping?.firstRun
  await app.db.destroy()
  // Kysely only closes the handle if it ever ran a query; close it ourselves otherwise.
  if (app.sqlite.open) app.sqlite.close()
}
