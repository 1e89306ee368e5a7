import BetterSqlite3 from 'better-sqlite3'
import { accessSync, constants, statfsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { AppContext, AppFiles } from '../../app/context'
import { latestVersion } from '../../db/migrator'
import { allMigrations } from '../../db/migrations'
import { AppError, type CurrentUser } from '../../../src-shared/contract'
import type {
  BackupCopy,
  BackupHealth,
  BackupList,
  BackupReason,
  RestoreAccess,
  RestoreConfirmed,
  RestorePreview
} from '../../../src-shared/contract/backups'
import { copiesToDelete, isFromTheFuture } from '../../../src-shared/domain/backupRetention'
import { recordAudit } from '../audit/record'
import { readShopTimeZone } from '../settings/service'
import { backupTarget, readBackupSettings } from './backupSettings'
import { deleteCopy, findCopy, isFolder, readCopies } from './copyFolder'
import { writeVerifiedCopy } from './copies'
import { readDatabaseFacts } from './facts'
import { previewAccess } from './keptAccess'
import { erasuresToApply, readRunningErasures } from './keptErasures'
import { readRunningCounters, seriesAhead } from './keptNumbers'
import { hqAfterRestore } from './keptHq'
import { readMoneyAfterCopy, restoreMoneyOf } from './keptMoney'

/** A backup older than this is a warning on the manager's home screen. */
export const STALE_AFTER_MS = 2 * 24 * 60 * 60 * 1000
/** Room for at least two more copies of today's database, and never less than this. */
const MIN_FREE_BYTES = 256 * 1024 * 1024

const queues = new WeakMap<AppContext, Promise<unknown>>()

/** One backup or restore at a time per shop: the next waits for the one running. */
export function oneAtATime<T>(app: AppContext, work: () => Promise<T>): Promise<T> {
  const result = (queues.get(app) ?? Promise.resolve()).then(work, work)
  queues.set(
    app,
    result.catch(() => undefined)
  )
  return result
}

/**
 * When the latest copy failed, until one succeeds. Kept in memory: after a restart the next try
 * finds out again. The home screen says so at once (a failed night is otherwise only "stale" two
 * days after the last good copy), and the daily schedule waits before it tries again.
 */
const failedAt = new WeakMap<AppContext, Date>()

export function lastCopyFailedAt(app: AppContext): Date | undefined {
  return failedAt.get(app)
}

export function filesOf(app: AppContext): AppFiles {
  if (!app.files) throw new AppError('CONFLICT', 'backups.notAvailable')
  return app.files
}

/**
 * Takes a verified copy now, then applies the retention rule to the folder. A copy someone asked
 * for is audited with who asked; the daily one is not (the list shows it).
 */
export async function takeBackup(app: AppContext, reason: BackupReason, actor?: CurrentUser): Promise<BackupCopy> {
  const files = filesOf(app)
  return oneAtATime(app, async () => {
    const settings = await readBackupSettings(app.db)
    const target = backupTarget(files, settings)
    const at = app.clock()
    const copy = await writeVerifiedCopy(app.sqlite, files, target, reason, at).then(
      (written) => {
        failedAt.delete(app)
        return written
      },
      (error: unknown) => {
        failedAt.set(app, app.clock())
        throw error
      }
    )
    const timeZone = await readShopTimeZone(app.db)
    for (const old of copiesToDelete(readCopies(target.folder), { ...settings, timeZone }, at)) {
      deleteCopy(target.folder, old.name)
    }
    if (actor) {
      await app.db.transaction().execute((trx) =>
        recordAudit(trx, at, {
          actorId: actor.id,
          action: 'backups.takeNow',
          entity: 'backup',
          entityId: copy.name,
          after: copy
        })
      )
    }
    return copy
  })
}

export async function listBackups(app: AppContext): Promise<BackupList> {
  const target = backupTarget(filesOf(app), await readBackupSettings(app.db))
  return { folder: target.folder, copies: readCopies(target.folder) }
}

export async function previewRestore(app: AppContext, name: string): Promise<RestorePreview> {
  const target = backupTarget(filesOf(app), await readBackupSettings(app.db))
  const copy = findCopy(target.folder, name)
  const current = readDatabaseFacts(app.sqlite)
  const tooNew = copy.schemaVersion > latestVersion(allMigrations)
  const copyFile = join(target.folder, name)
  return {
    copy,
    current: current.counts,
    currentSchemaVersion: current.schemaVersion,
    tooNew,
    access: tooNew ? null : accessAfterRestore(app, copyFile),
    confirmed: tooNew ? null : confirmedAfterRestore(app, copyFile),
    // Read as the restore will: what it would drop, and the day closes it keeps closed.
    money: tooNew
      ? null
      : readForPreview(copyFile, () => restoreMoneyOf(readMoneyAfterCopy(filesOf(app).databaseFile, copyFile))),
    hq: tooNew ? null : readForPreview(copyFile, () => hqAfterRestore(copyFile, filesOf(app).databaseFile)?.hq ?? null)
  }
}

/**
 * What restoring the copy would do to who may get in (keptAccess.ts), read without changing the
 * copy or today's data. A copy that cannot be read is refused by the restore itself; the preview
 * then says nothing of access rather than fail.
 */
function accessAfterRestore(app: AppContext, copyFile: string): RestoreAccess | null {
  return readCopyForPreview(copyFile, (copyDb) => previewAccess(copyDb, app.sqlite, app.clock()))
}

/**
 * What the shop confirmed outside since the copy that the restore keeps: the series whose
 * numbering continues from today's counters (keptNumbers.ts), and how many customers erased since
 * are erased again (keptErasures.ts).
 */
function confirmedAfterRestore(app: AppContext, copyFile: string): RestoreConfirmed | null {
  return readCopyForPreview(copyFile, (copyDb) => ({
    numberSeries: seriesAhead(copyDb, readRunningCounters(app.sqlite)),
    erasures: erasuresToApply(copyDb, readRunningErasures(app.sqlite)).length
  }))
}

function readCopyForPreview<T>(copyFile: string, read: (copyDb: BetterSqlite3.Database) => T): T | null {
  return readForPreview(copyFile, () => {
    const copyDb = new BetterSqlite3(copyFile, { readonly: true, fileMustExist: true })
    try {
      return read(copyDb)
    } finally {
      copyDb.close()
    }
  })
}

function readForPreview<T>(copyFile: string, read: () => T): T | null {
  try {
    return read()
  } catch (error) {
    console.error(`[backups] could not read ${copyFile} for the restore's preview`, error)
    return null
  }
}

/**
 * What the manager's home screen warns about: an old last copy, a failed one, a copy dated in the
 * future, a missing or full folder. A copy from the future is not the last good one: it would
 * hide that no copy has been taken since.
 */
export async function backupHealth(app: AppContext, now: Date): Promise<BackupHealth> {
  const files = filesOf(app)
  const target = backupTarget(files, await readBackupSettings(app.db))
  const copies = readCopies(target.folder)
  const lastGoodAt = copies.find((copy) => !isFromTheFuture(copy, now))?.takenAt ?? null
  const problems: BackupHealth['problems'] = []
  let freeBytes: number | null = null
  // A shop that never took a copy is told to take its first one, not that its backup is old.
  if (lastGoodAt === null) problems.push('neverBackedUp')
  else if (now.getTime() - new Date(lastGoodAt).getTime() > STALE_AFTER_MS) problems.push('stale')
  if (lastCopyFailedAt(app)) problems.push('lastCopyFailed')
  if (copies.some((copy) => isFromTheFuture(copy, now))) problems.push('copyFromFuture')
  // The default folder is made by the first copy; only a chosen one can be missing.
  if (!isFolder(target.folder)) {
    if (!target.isDefault) problems.push('folderMissing')
  } else {
    if (!isWritable(target.folder)) problems.push('folderNotWritable')
    const space = statfsSync(target.folder)
    freeBytes = space.bavail * space.bsize
    if (freeBytes < Math.max(2 * statSync(files.databaseFile).size, MIN_FREE_BYTES)) problems.push('lowSpace')
  }
  return { folder: target.folder, lastGoodAt, problems, freeBytes }
}

function isWritable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK)
    return true
  } catch {
    return false
  }
}
