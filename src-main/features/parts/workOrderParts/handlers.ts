import { signedInUser, type HandlersOf } from '../../../rpc/handler'
import { getWorkOrderParts, openPartRequests } from './jobPartsReads'
import { cancelPartRequest, requestPart } from './partRequests'
import { issuePart } from './issuePart'
import { returnFromWorkOrder } from './returns'

export const workOrderPartsHandlers: HandlersOf<'workOrderParts'> = {
  'workOrderParts.get': (ctx, input) => getWorkOrderParts(ctx.app.db, input),
  'workOrderParts.request': (ctx, input) => requestPart(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrderParts.cancelRequest': (ctx, input) => cancelPartRequest(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrderParts.openRequests': (ctx) => openPartRequests(ctx.app.db),
  'workOrderParts.issue': (ctx, input) => issuePart(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrderParts.return': (ctx, input) => returnFromWorkOrder(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
