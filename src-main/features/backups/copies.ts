import type BetterSqlite3 from 'better-sqlite3'
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { AppFiles } from '../../app/context'
import type { BackupCopy, BackupReason } from '../../../src-shared/contract/backups'
import { copyNameAt, createPrivateFile, prepareBackupFolder, removeUnfinished, writeManifest } from './copyFolder'
import type { BackupTarget } from './backupSettings'
import { snapshotInWorker } from './snapshotWorker'
import { pauseAutomaticCheckpoints } from '../../db/checkpointPause'

/**
 * Takes one verified copy of the shop database into the backup folder. It writes nothing to the
 * database itself, so a restore can take its safety copy while it holds the connection.
 * The copy is written under a `.partial` name and only renamed once the integrity check passed.
 * `sqlite` is the shop's own connection: its automatic checkpoints wait while the worker works.
 */
export async function writeVerifiedCopy(
  sqlite: BetterSqlite3.Database,
  files: AppFiles,
  target: BackupTarget,
  reason: BackupReason,
  at: Date
): Promise<BackupCopy> {
  prepareBackupFolder(target.folder, target.isDefault)
  removeUnfinished(target.folder)
  const name = freeName(target.folder, at)
  const partial = join(target.folder, `${name}.partial`)
  createPrivateFile(partial)
  try {
    // While the worker holds its snapshot the WAL cannot be folded back past it, and the first desk
    // commit after the snapshot is let go would fold everything written during the backup back, with
    // its flushes, on the main thread. The worker does that itself once it lets the snapshot go
    // (it calls resumeCheckpoints); from then on this connection checkpoints as before.
    const resumeCheckpoints = pauseAutomaticCheckpoints(sqlite)
    let facts
    try {
      facts = await snapshotInWorker(files.databaseFile, partial, resumeCheckpoints)
    } finally {
      resumeCheckpoints()
    }
    const file = join(target.folder, name)
    renameSync(partial, file)
    const copy: BackupCopy = {
      name,
      takenAt: at.toISOString(),
      reason,
      sizeBytes: statSync(file).size,
      schemaVersion: facts.schemaVersion,
      counts: facts.counts
    }
    writeManifest(target.folder, copy)
    return copy
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

/** Two copies in the same millisecond (a test clock, an upgrade right after a daily copy) both keep theirs. */
function freeName(folder: string, at: Date): string {
  let instant = at.getTime()
  while (existsSync(join(folder, copyNameAt(new Date(instant))))) instant += 1
  return copyNameAt(new Date(instant))
}
