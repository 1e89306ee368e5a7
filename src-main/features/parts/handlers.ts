import type { HandlersOf } from '../../rpc/handler'
import { signedInUser } from '../../rpc/handler'
import { createPart, findPartByCode, updatePart } from './catalogue'
import { searchParts } from './partSearch'
import { exportList } from './export'
import { lowStock, partMovements, stockValuation, verifyLedger } from './stockReports'
import { loadPart } from './records'
import { adjustStock, decideAdjustment, listAdjustments } from './adjustments'
import { receiveDelivery } from './receiving'
import { serialsOnHand } from './serials'

export const partsHandlers: HandlersOf<'parts'> = {
  'parts.search': (ctx, input) => searchParts(ctx.app.db, input),
  'parts.get': (ctx, input) => loadPart(ctx.app.db, input.id),
  'parts.find': (ctx, input) => findPartByCode(ctx.app.db, input.code),
  'parts.create': (ctx, input) => createPart(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'parts.update': (ctx, input) => updatePart(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'parts.receive': (ctx, input) => receiveDelivery(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'parts.adjust': (ctx, input) => adjustStock(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'parts.adjustments': (ctx, input) => listAdjustments(ctx.app.db, input),
  'parts.decideAdjustment': (ctx, input) => decideAdjustment(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'parts.movements': (ctx, input) => partMovements(ctx.app.db, input),
  'parts.serialsOnHand': (ctx, input) => serialsOnHand(ctx.app.db, input.partId),
  'parts.lowStock': (ctx) => lowStock(ctx.app.db),
  'parts.valuation': (ctx, input) => stockValuation(ctx.app.db, input),
  'parts.verifyLedger': (ctx) => verifyLedger(ctx.app.db),
  'parts.export': (ctx, input) => exportList(ctx.app.db, ctx.now, input)
}
