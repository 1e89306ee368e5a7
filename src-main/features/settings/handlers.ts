import { deskIdOf } from '../../rpc/callSource'
import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { readDeskSettings, saveDeskSettings } from './deskSettings'
import { getShopSettings, updateShopSettings } from './service'

export const settingsHandlers: HandlersOf<'settings'> = {
  'settings.get': (ctx) => getShopSettings(ctx.app.db),
  'settings.update': (ctx, input) => updateShopSettings(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'settings.desk': (ctx) => readDeskSettings(ctx.app.db, deskIdOf(ctx.source)),
  'settings.saveDesk': (ctx, input) =>
    saveDeskSettings(ctx.app.db, deskIdOf(ctx.source), ctx.now, signedInUser(ctx), input)
}
