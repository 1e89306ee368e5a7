import { signedInUser, type HandlersOf } from '../../../rpc/handler'
import { networkStatus, setLanListening } from './service'

export const networkHandlers: HandlersOf<'network'> = {
  'network.status': (ctx) => networkStatus(ctx.app),
  'network.setLanListening': (ctx, input) => setLanListening(ctx.app, ctx.now, signedInUser(ctx), input)
}
