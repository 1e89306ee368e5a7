import type { HandlersOf } from '../../rpc/handler'
import { initializeShop, isInitialized } from './service'

export const setupHandlers: HandlersOf<'setup'> = {
  'setup.status': async (ctx) => ({ initialized: await isInitialized(ctx.app) }),
  'setup.initialize': (ctx, input) => initializeShop(ctx.app, ctx.now, input)
}
