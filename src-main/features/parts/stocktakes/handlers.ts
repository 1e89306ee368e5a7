import { signedInUser, type HandlersOf } from '../../../rpc/handler'
import { cancelStocktake, countPart, postStocktake, startStocktake } from './stocktakes'
import { listStocktakes, loadStocktake } from './stocktakeReads'

export const stocktakesHandlers: HandlersOf<'stocktakes'> = {
  'stocktakes.list': (ctx) => listStocktakes(ctx.app.db, signedInUser(ctx)),
  'stocktakes.start': (ctx, input) => startStocktake(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'stocktakes.get': (ctx, input) => loadStocktake(ctx.app.db, input.id, signedInUser(ctx)),
  'stocktakes.count': (ctx, input) => countPart(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'stocktakes.post': (ctx, input) => postStocktake(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'stocktakes.cancel': (ctx, input) => cancelStocktake(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
