import { AppError } from '../../src-shared/contract'

/**
 * What the disk or the database file itself refused, told in words a shop can act on. A full
 * disk, a file made read-only, a drive that failed or was pulled out, a damaged file: each rolls
 * the write back like any failure, but "something went wrong, try again" would have the counter
 * retry for ever while the cause is one the owner or support must fix. Null for anything else.
 */
export function storageFailure(error: unknown): AppError | null {
  // SQLite's codes only: they are about the data file. A file system's own (ENOSPC, EIO) may come
  // from an export or a backup drive, which "this PC's disk" would misname.
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  if (code === 'SQLITE_FULL') return new AppError('INTERNAL', 'errors.diskFull')
  if (code.startsWith('SQLITE_READONLY')) return new AppError('INTERNAL', 'errors.databaseReadOnly')
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new AppError('INTERNAL', 'errors.databaseDamaged')
  // Out of memory is no fault of the disk, whatever family SQLite files it under.
  if (code === 'SQLITE_IOERR_NOMEM') return null
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN'))
    return new AppError('INTERNAL', 'errors.diskFailed')
  return null
}
