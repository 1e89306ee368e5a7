import { join } from 'node:path'
import type { AppContext } from './context'
import { createKysely, openSqlite } from '../db/connection'
import { migrate } from '../db/migrator'
import { allMigrations } from '../db/migrations'
import { SessionStore } from '../features/auth/sessions'
import { preparePrivateDatabaseFile, preparePrivateDataDir } from './privateFiles'
import type { AppFiles } from './context'
import { backupBeforeUpgrade } from '../features/backups/beforeUpgrade'

export const DATABASE_FILE_NAME = 'service-center.sqlite'

export interface OpenAppOptions {
  /** A folder for the database; `:memory:` for throwaway tests. */
  dataDir: string
  clock?: () => Date
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
  const sqlite = openSqlite(files?.databaseFile ?? ':memory:')
  try {
    // An upgrade changes the shop's data for good: keep a verified copy of it as it was first.
    if (files) backupBeforeUpgrade(sqlite, files, allMigrations, clock())
    migrate(sqlite, allMigrations)
  } catch (error) {
    sqlite.close()
    throw error
  }
  return { sqlite, db: createKysely(sqlite), sessions: new SessionStore(clock), clock, ...(files ? { files } : {}) }
}

export async function closeApp(app: AppContext): Promise<void> {
  await app.db.destroy()
  // Kysely only closes the handle if it ever ran a query; close it ourselves otherwise.
  if (app.sqlite.open) app.sqlite.close()
}
