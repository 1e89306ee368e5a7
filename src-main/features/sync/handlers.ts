import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { enrolWithHq, readHqCertificate, sendAgain, syncNow, syncStatus } from './hq/service'

export const syncHandlers: HandlersOf<'sync'> = {
  'sync.status': (ctx) => syncStatus(ctx.app),
  'sync.now': (ctx) => syncNow(ctx.app),
  'sync.sendAgain': (ctx, input) => sendAgain(ctx.app, ctx.now, signedInUser(ctx), input.changeId),
  'sync.readCertificate': (_ctx, input) => readHqCertificate(input.hqUrl),
  'sync.enrol': (ctx, input) => enrolWithHq(ctx.app, ctx.now, signedInUser(ctx), input)
}
