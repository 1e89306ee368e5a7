import { isAbsolute, join } from 'node:path'
import type { Db } from '../../db/connection'
import type { AppFiles } from '../../app/context'
import { AppError, type CurrentUser } from '../../../src-shared/contract'
import { DEFAULT_BACKUP_SETTINGS, type BackupSettings } from '../../../src-shared/contract/backups'
import { recordAudit } from '../audit/record'
import { readSetting, writeSetting } from '../settings/service'

export const BACKUP_SETTINGS_KEY = 'backups.settings'
/** Where copies go until the admin chooses a folder of their own. */
export const DEFAULT_BACKUP_FOLDER_NAME = 'backups'

export async function readBackupSettings(db: Db): Promise<BackupSettings> {
  return { ...DEFAULT_BACKUP_SETTINGS, ...(await readSetting<Partial<BackupSettings>>(db, BACKUP_SETTINGS_KEY)) }
}

export interface BackupTarget {
  folder: string
  isDefault: boolean
}

export function backupTarget(files: AppFiles, settings: Pick<BackupSettings, 'folder'>): BackupTarget {
  return settings.folder === null
    ? { folder: join(files.dataDir, DEFAULT_BACKUP_FOLDER_NAME), isDefault: true }
    : { folder: settings.folder, isDefault: false }
}

export async function saveBackupSettings(
  db: Db,
  at: Date,
  actor: CurrentUser,
  next: BackupSettings
): Promise<BackupSettings> {
  if (next.folder !== null && !isAbsolute(next.folder)) {
    throw new AppError('VALIDATION', 'backups.folderNotAbsolute', {
      fields: [{ path: 'folder', messageKey: 'backups.folderNotAbsolute' }]
    })
  }
  return db.transaction().execute(async (trx) => {
    const before = await readBackupSettings(trx)
    await writeSetting(trx, BACKUP_SETTINGS_KEY, next, at, actor.id)
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'backups.saveSettings',
      entity: 'shop',
      entityId: null,
      before,
      after: next
    })
    return next
  })
}
