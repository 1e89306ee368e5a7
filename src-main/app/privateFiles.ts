import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'

/** Only the owner may read the shop's data: names, phones, password hashes, passcodes, claim codes. */
export const PRIVATE_FOLDER_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/**
 * Unix file modes mean nothing to Windows, where the per-user application-data folder is already
 * closed to other users by its access list; there we leave the files as they are.
 */
export const HAS_UNIX_MODES = process.platform !== 'win32'

/**
 * Creates the data folder readable by its owner only, and closes an existing one (installs from
 * before this rule made it 755). Only the folder itself: it may be one the admin chose that holds
 * other things, which are not the app's to change.
 */
export function preparePrivateDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER_MODE })
  if (HAS_UNIX_MODES) chmodSync(dataDir, PRIVATE_FOLDER_MODE)
}

/**
 * Creates the database file with owner-only rights before SQLite opens it (SQLite gives its WAL
 * and shared-memory files the mode of the database file, so they are born private too), and
 * closes the files of an existing install, which were 644.
 */
export function preparePrivateDatabaseFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE))
  if (!HAS_UNIX_MODES) return
  for (const companion of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(companion)) chmodSync(companion, PRIVATE_FILE_MODE)
  }
}
