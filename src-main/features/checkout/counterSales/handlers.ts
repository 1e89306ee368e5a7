import { signedInUser, type HandlersOf } from '../../../rpc/handler'
import { counterSaleIdByNumber, loadCounterSale } from './load'
import { refundCounterSale } from './refund'
import { sellOverCounter } from './sell'

export const counterSalesHandlers: HandlersOf<'counterSales'> = {
  'counterSales.sell': (ctx, input) => sellOverCounter(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'counterSales.get': async (ctx, input) =>
    loadCounterSale(ctx.app.db, 'id' in input ? input.id : await counterSaleIdByNumber(ctx.app.db, input.number)),
  'counterSales.refund': (ctx, input) => refundCounterSale(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
