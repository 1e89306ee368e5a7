import { currentSession, signedInUser, type HandlersOf } from '../../rpc/handler'
import { changeOwnPassword, describeSession, signIn, signOut, unlock } from './service'

export const authHandlers: HandlersOf<'auth'> = {
  'auth.signIn': (ctx, input) => signIn(ctx.app, ctx.now, ctx.source, input.username, input.password),
  'auth.signOut': (ctx) => signOut(ctx.app, ctx.now, currentSession(ctx), signedInUser(ctx)),
  'auth.session': (ctx) => describeSession(ctx.app, currentSession(ctx), signedInUser(ctx)),
  'auth.lock': async (ctx) => {
    ctx.app.sessions.lock(currentSession(ctx))
    return null
  },
  'auth.unlock': (ctx, input) =>
    unlock(ctx.app, ctx.now, ctx.source, currentSession(ctx), signedInUser(ctx), input.password),
  'auth.changePassword': (ctx, input) =>
    changeOwnPassword(
      ctx.app,
      ctx.now,
      ctx.source,
      currentSession(ctx),
      signedInUser(ctx),
      input.currentPassword,
      input.newPassword
    )
}
