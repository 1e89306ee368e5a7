import { AppError } from '../../src-shared/contract'

/**
 * What the disk or the database file itself refused, told in words a shop can act on. A full
 * disk, a file made read-only, a drive that failed or was pulled out, a damaged file: each rolls
 * the write back like any failure, but "something went wrong, try again" would have the counter
 * retry for ever while the cause is one the owner or support must fix. Null for anything else.
 */
export function storageFailure(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('INTERNAL', 'errors.diskFull')
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new AppError('INTERNAL', 'errors.databaseReadOnly')
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new AppError('INTERNAL', 'errors.databaseDamaged')
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO')
    return new AppError('INTERNAL', 'errors.diskFailed')
  return null
}
