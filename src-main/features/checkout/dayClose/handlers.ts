import { signedInUser, type HandlersOf } from '../../../rpc/handler'
import { closeDay, listDayCloses, loadDayClose, previewDayClose } from './dayClose'

export const dayCloseHandlers: HandlersOf<'dayClose'> = {
  'dayClose.preview': (ctx) => previewDayClose(ctx.app.db, ctx.now),
  'dayClose.close': (ctx, input) => closeDay(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'dayClose.get': (ctx, input) => loadDayClose(ctx.app.db, input.id),
  'dayClose.list': (ctx) => listDayCloses(ctx.app.db)
}
