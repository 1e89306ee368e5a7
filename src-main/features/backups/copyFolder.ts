import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { HAS_UNIX_MODES, PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from '../../app/privateFiles'
import { AppError } from '../../../src-shared/contract'
import { backupNameSchema, BACKUP_REASONS, type BackupCopy } from '../../../src-shared/contract/backups'

/**
 * The backup folder on disk: one `.sqlite` copy per backup and, beside it, a small `.json`
 * manifest of what the copy held when it was verified, so the list never opens the copies.
 * Every file is created readable by its owner only, like the database it copies.
 */

/** `service-center-20261205T213000123Z.sqlite`: names sort by the instant they were taken. */
export function copyNameAt(at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '')
  return `service-center-${stamp}.sqlite`
}

const manifestPath = (folder: string, name: string) => join(folder, `${name}.json`)

/**
 * The default folder (inside the data folder) is the app's own and is made on demand. A folder
 * the admin chose (a second disk, a USB stick, a share) must already be there: when the stick is
 * out, writing into an empty mount point would fill the system disk instead.
 */
export function prepareBackupFolder(folder: string, isDefault: boolean): void {
  if (isDefault) {
    mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE })
    if (HAS_UNIX_MODES) chmodSync(folder, PRIVATE_FOLDER_MODE)
  } else if (!isFolder(folder)) {
    throw new AppError('CONFLICT', 'backups.folderMissing', { folder })
  }
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** An empty owner-only file: SQLite writes the copy into it and keeps its mode. */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE))
  if (HAS_UNIX_MODES) chmodSync(file, PRIVATE_FILE_MODE)
}

/** The manifest goes in last, under its final name only once it is complete. */
export function writeManifest(folder: string, copy: BackupCopy): void {
  const partial = `${manifestPath(folder, copy.name)}.partial`
  writeFileSync(partial, JSON.stringify(copy, null, 2), { mode: PRIVATE_FILE_MODE, flag: 'w' })
  if (HAS_UNIX_MODES) chmodSync(partial, PRIVATE_FILE_MODE)
  renameSync(partial, manifestPath(folder, copy.name))
}

/** The verified copies in the folder, newest first; files without a readable manifest are not ours. */
export function readCopies(folder: string): BackupCopy[] {
  if (!isFolder(folder)) return []
  const copies: BackupCopy[] = []
  for (const entry of readdirSync(folder)) {
    if (!backupNameSchema.safeParse(entry).success || !existsSync(manifestPath(folder, entry))) continue
    const copy = parseManifest(readFileSync(manifestPath(folder, entry), 'utf8'))
    if (copy && copy.name === entry) copies.push(copy)
  }
  return copies.sort((a, b) => b.name.localeCompare(a.name))
}

function parseManifest(text: string): BackupCopy | undefined {
  try {
    const value = JSON.parse(text) as BackupCopy
    if (typeof value.name !== 'string' || typeof value.takenAt !== 'string') return undefined
    if (!(BACKUP_REASONS as readonly string[]).includes(value.reason)) return undefined
    return value
  } catch {
    return undefined
  }
}

export function findCopy(folder: string, name: string): BackupCopy {
  const copy = readCopies(folder).find((candidate) => candidate.name === name)
  if (!copy || !existsSync(join(folder, name))) throw new AppError('NOT_FOUND', 'backups.copyNotFound', { name })
  return copy
}

export function deleteCopy(folder: string, name: string): void {
  rmSync(manifestPath(folder, name), { force: true })
  rmSync(join(folder, name), { force: true })
}

/** Leftovers of a copy that never finished (the power went, the stick was pulled). */
export function removeUnfinished(folder: string): void {
  for (const entry of readdirSync(folder)) {
    if (entry.startsWith('service-center-') && entry.endsWith('.partial')) rmSync(join(folder, entry), { force: true })
  }
}
