import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { readBackupSettings, saveBackupSettings } from './backupSettings'
import { restoreBackup } from './restore'
import { listDroppedMoney, markDroppedMoneyDealtWith } from './droppedMoney'
import { backupHealth, listBackups, previewRestore, takeBackup } from './service'

export const backupsHandlers: HandlersOf<'backups'> = {
  'backups.list': (ctx) => listBackups(ctx.app),
  'backups.takeNow': (ctx) => takeBackup(ctx.app, 'manual', signedInUser(ctx)),
  'backups.health': (ctx) => backupHealth(ctx.app, ctx.now),
  'backups.settings': (ctx) => readBackupSettings(ctx.app.db),
  'backups.saveSettings': (ctx, input) => saveBackupSettings(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'backups.previewRestore': (ctx, input) => previewRestore(ctx.app, input.name),
  'backups.restore': (ctx, input) => restoreBackup(ctx.app, signedInUser(ctx), input.name),
  'backups.droppedMoney': (ctx, input) => listDroppedMoney(ctx.app.db, input),
  'backups.markDroppedMoneyDealtWith': (ctx, input) =>
    markDroppedMoneyDealtWith(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
