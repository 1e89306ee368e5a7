import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { createUser, listUsers, resetUserPassword, setUserDisabled, updateUser } from './service'

export const usersHandlers: HandlersOf<'users'> = {
  'users.list': (ctx, input) => listUsers(ctx.app.db, input),
  'users.create': (ctx, input) => createUser(ctx.app, ctx.now, signedInUser(ctx), input),
  'users.update': (ctx, input) => updateUser(ctx.app, ctx.now, signedInUser(ctx), input),
  'users.setDisabled': (ctx, input) => setUserDisabled(ctx.app, ctx.now, signedInUser(ctx), input),
  'users.resetPassword': (ctx, input) =>
    resetUserPassword(ctx.app, ctx.now, signedInUser(ctx), input, ctx.session?.token)
}
