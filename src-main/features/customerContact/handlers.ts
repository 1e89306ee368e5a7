import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { listComplaints, moveComplaint, openCounterComplaint } from './complaints'
import { readContactSettings, saveContactSettings } from './contactSettings'
import { listFollowUps, recordCall } from './followUps'
import { copyReadyMessage, markNotified, readyMessage } from './readyNotices'

export const customerContactHandlers: HandlersOf<'customerContact'> = {
  'customerContact.settings': (ctx) => readContactSettings(ctx.app.db),
  'customerContact.saveSettings': (ctx, input) => saveContactSettings(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'customerContact.readyMessage': (ctx, input) => readyMessage(ctx.app.db, input.workOrderId, input.language),
  'customerContact.copyReadyMessage': (ctx, input) => copyReadyMessage(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'customerContact.markNotified': (ctx, input) => markNotified(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'customerContact.followUps': (ctx, input) => listFollowUps(ctx.app.db, ctx.now, input),
  'customerContact.recordCall': (ctx, input) => recordCall(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'customerContact.complaints': (ctx, input) => listComplaints(ctx.app.db, input),
  'customerContact.openComplaint': (ctx, input) => openCounterComplaint(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'customerContact.moveComplaint': (ctx, input) => moveComplaint(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
