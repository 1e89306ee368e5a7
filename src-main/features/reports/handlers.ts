import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { runReport } from './run'
import { reportFilterOptions } from './filterOptions'
import { exportReport } from './export'
import { listFaultActions, saveFaultAction } from './faultActions'

export const reportsHandlers: HandlersOf<'reports'> = {
  'reports.run': (ctx, input) => runReport(ctx.app.db, input, false, ctx.now),
  'reports.filterOptions': (ctx) => reportFilterOptions(ctx.app.db),
  'reports.export': (ctx, input) => exportReport(ctx.app.db, input, ctx.now),
  'reports.faultActions': (ctx) => listFaultActions(ctx.app.db, ctx.now),
  'reports.saveFaultAction': (ctx, input) => saveFaultAction(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
