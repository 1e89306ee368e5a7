import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { readDashboard } from './service'

export const dashboardHandlers: HandlersOf<'dashboard'> = {
  'dashboard.get': (ctx) => readDashboard(ctx.app.db, ctx.now, signedInUser(ctx))
}
