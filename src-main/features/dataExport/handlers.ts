import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { exportCustomer } from './customerExport'
import { exportShop } from './shopExport'

export const dataExportHandlers: HandlersOf<'dataExport'> = {
  'dataExport.shop': (ctx, input) => exportShop(ctx.app, ctx.now, signedInUser(ctx), input.language),
  'dataExport.customer': (ctx, input) => exportCustomer(ctx.app, ctx.now, signedInUser(ctx), input)
}
