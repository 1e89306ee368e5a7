import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { listModels, listPolicies, savePolicy } from './policies'
import { refundUnit } from './refund'
import { accessorySlip, exchangeAccessory, refundAccessory } from './accessoryRemedies'
import { exchangeUnit, lookUp, registerUnit, verdictFor } from './service'

type LookupHandlers = Omit<
  HandlersOf<'warranty'>,
  | 'warranty.importStart'
  | 'warranty.importChunk'
  | 'warranty.importPreview'
  | 'warranty.importRun'
  | 'warranty.importStatus'
  | 'warranty.importRejectedFile'
  | 'warranty.importCancel'
>

export const warrantyHandlers: LookupHandlers = {
  'warranty.lookup': (ctx, input) => lookUp(ctx.app.db, ctx.now, input.query, input.claim),
  'warranty.evaluate': (ctx, input) => verdictFor(ctx.app.db, ctx.now, input.unitId, input.claim),
  'warranty.register': (ctx, input) => registerUnit(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'warranty.exchange': (ctx, input) => exchangeUnit(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'warranty.refund': (ctx, input) => refundUnit(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'warranty.exchangeAccessory': (ctx, input) => exchangeAccessory(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'warranty.refundAccessory': (ctx, input) => refundAccessory(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'warranty.accessoryRemedy': (ctx, input) => accessorySlip(ctx.app.db, input.id),
  'warranty.policies': (ctx) => listPolicies(ctx.app.db, ctx.now),
  'warranty.models': (ctx, input) => listModels(ctx.app.db, input.categoryKey),
  'warranty.savePolicy': (ctx, input) => savePolicy(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
