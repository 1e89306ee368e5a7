import type { HandlersOf } from '../../rpc/handler'
import { signedInUser } from '../../rpc/handler'
import { createPart, findPartByCode, searchParts, updatePart } from './catalogue'
import { exportList } from './export'
import { cancelStocktake, countPart, listStocktakes, loadStocktake, postStocktake, startStocktake } from './stocktakes'
import { creditBatch, getBatch, listBatches, listFaultyParts, packBatch, shipBatch } from './faultyParts'
import { lowStock, partMovements, stockValuation, verifyLedger } from './lists'
import { loadPart } from './records'
import { adjustStock, decideAdjustment, listAdjustments, receiveDelivery } from './stock'
import {
  cancelPartRequest,
  getWorkOrderParts,
  issuePart,
  openPartRequests,
  requestPart,
  returnFromWorkOrder
} from './workOrderParts'

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
  'parts.lowStock': (ctx) => lowStock(ctx.app.db),
  'parts.valuation': (ctx, input) => stockValuation(ctx.app.db, input),
  'parts.verifyLedger': (ctx) => verifyLedger(ctx.app.db),
  'parts.export': (ctx, input) => exportList(ctx.app.db, ctx.now, input)
}

export const workOrderPartsHandlers: HandlersOf<'workOrderParts'> = {
  'workOrderParts.get': (ctx, input) => getWorkOrderParts(ctx.app.db, input),
  'workOrderParts.request': (ctx, input) => requestPart(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrderParts.cancelRequest': (ctx, input) => cancelPartRequest(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrderParts.openRequests': (ctx) => openPartRequests(ctx.app.db),
  'workOrderParts.issue': (ctx, input) => issuePart(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrderParts.return': (ctx, input) => returnFromWorkOrder(ctx.app.db, ctx.now, signedInUser(ctx), input)
}

export const faultyPartsHandlers: HandlersOf<'faultyParts'> = {
  'faultyParts.list': (ctx, input) => listFaultyParts(ctx.app.db, ctx.now, input),
  'faultyParts.batches': (ctx) => listBatches(ctx.app.db),
  'faultyParts.batch': (ctx, input) => getBatch(ctx.app.db, ctx.now, input),
  'faultyParts.pack': (ctx, input) => packBatch(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'faultyParts.ship': (ctx, input) => shipBatch(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'faultyParts.credit': (ctx, input) => creditBatch(ctx.app.db, ctx.now, signedInUser(ctx), input)
}

export const stocktakesHandlers: HandlersOf<'stocktakes'> = {
  'stocktakes.list': (ctx) => listStocktakes(ctx.app.db),
  'stocktakes.start': (ctx, input) => startStocktake(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'stocktakes.get': (ctx, input) => loadStocktake(ctx.app.db, input.id),
  'stocktakes.count': (ctx, input) => countPart(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'stocktakes.post': (ctx, input) => postStocktake(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'stocktakes.cancel': (ctx, input) => cancelStocktake(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
