import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { getShopSettings, updateShopSettings } from './service'

export const settingsHandlers: HandlersOf<'settings'> = {
  'settings.get': (ctx) => getShopSettings(ctx.app.db),
  'settings.update': (ctx, input) => updateShopSettings(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
