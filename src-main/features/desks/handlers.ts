import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { issuePairingCode, pairDesk } from './pairing'
import { listDesks, renameDesk, revokeDesk } from './registry'

export const desksHandlers: HandlersOf<'desks'> = {
  'desks.pair': (ctx, input) =>
    pairDesk(ctx.app, ctx.now, ctx.source, input, ctx.app.shopNetwork?.state().certificateFingerprint ?? null),
  'desks.list': (ctx) => listDesks(ctx.app.db),
  'desks.pairingCode': (ctx) => issuePairingCode(ctx.app, ctx.now, signedInUser(ctx)),
  'desks.rename': (ctx, input) => renameDesk(ctx.app, ctx.now, signedInUser(ctx), input.deskId, input.name),
  'desks.revoke': (ctx, input) => revokeDesk(ctx.app, ctx.now, signedInUser(ctx), input.deskId)
}
