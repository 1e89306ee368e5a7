import { signedInUser, type HandlersOf } from '../../../rpc/handler'
import { listCodes, saveCode } from './codes'

export const codesHandlers: HandlersOf<'codes'> = {
  'codes.list': (ctx, input) => listCodes(ctx.app.db, input),
  'codes.save': (ctx, input) => saveCode(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
