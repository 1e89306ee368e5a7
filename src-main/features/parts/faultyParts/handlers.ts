import { signedInUser, type HandlersOf } from '../../../rpc/handler'
import { cancelBatch, takeOutOfBatch } from './batchCorrections'
import { packingList } from './packingList'
import { creditBatch, getBatch, listBatches, listFaultyParts, packBatch, shipBatch } from './faultyParts'

export const faultyPartsHandlers: HandlersOf<'faultyParts'> = {
  'faultyParts.list': (ctx, input) => listFaultyParts(ctx.app.db, ctx.now, input),
  'faultyParts.batches': (ctx, input) => listBatches(ctx.app.db, input),
  'faultyParts.batch': (ctx, input) => getBatch(ctx.app.db, ctx.now, input),
  'faultyParts.packingList': (ctx, input) => packingList(ctx.app.db, input),
  'faultyParts.pack': (ctx, input) => packBatch(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'faultyParts.ship': (ctx, input) => shipBatch(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'faultyParts.credit': (ctx, input) => creditBatch(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'faultyParts.takeOut': (ctx, input) => takeOutOfBatch(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'faultyParts.cancelBatch': (ctx, input) => cancelBatch(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
