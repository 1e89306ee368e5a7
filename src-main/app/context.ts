import type BetterSqlite3 from 'better-sqlite3'
import type { Db } from '../db/connection'
import type { ChangeBus } from '../features/changes/bus'
import type { SessionStore } from '../features/auth/sessions'
import type { SignInThrottle } from '../features/auth/sourceThrottle'
import type { PrintingPort } from '../features/printing/port'
import type { Housekeeping } from './housekeeping'
import type { CheckpointWorker } from '../db/checkpointWorker'
import type { ShopNetworkPort } from '../features/desks/network/port'

/** Where the shop's database lives on disk. */
export interface AppFiles {
  dataDir: string
  databaseFile: string
}

/** What every service call can reach: the database, the sessions, and the clock. */
export interface AppContext {
  sqlite: BetterSqlite3.Database
  db: Db
  sessions: SessionStore
  /** Wrong sign-ins per source, so one desk guessing slows down without locking accounts. */
  signInThrottle: SignInThrottle
  /** What committed changes say to the desks that show them (live screens). */
  changes: ChangeBus
  /** Injected so tests can move time (lock-out, idle lock) without waiting. */
  clock: () => Date
  /** The data folder and database file; absent for an in-memory database (tests). */
  files?: AppFiles
  /** Folds the WAL back into the database file off the calls' thread; absent in memory. */
  checkpoints?: CheckpointWorker
  /** The daily chores (erasing passcodes past retention), started by openApp. */
  housekeeping?: Housekeeping
  /** The printers, when the desktop shell provides them; absent in browser mode. */
  printing?: PrintingPort
  /** The LAN listener, when this process is a shop server that can open one; absent in tests. */
  shopNetwork?: ShopNetworkPort
}
