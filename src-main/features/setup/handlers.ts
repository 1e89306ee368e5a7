import type { HandlersOf } from '../../rpc/handler'
import { initializeShop, setupStatus } from './service'

export const setupHandlers: HandlersOf<'setup'> = {
  'setup.status': (ctx) => setupStatus(ctx.app),
  'setup.initialize': (ctx, input) => initializeShop(ctx.app, ctx.now, input)
}
