import type { CallContext, HandlersOf } from '../../rpc/handler'
import { currentSession, signedInUser } from '../../rpc/handler'
import { deskIdOf, THIS_PC_DESK_ID } from '../../rpc/callSource'
import { printCount, printDocument, readPrintSettings, savePrintSettings } from './service'
import { workOrderPrintData } from './documents'

/** This PC's printers serve calls made at this PC only: a desk's print must not come out of the shop server. */
const printersHere = (ctx: CallContext) => (deskIdOf(ctx.source) === THIS_PC_DESK_ID ? ctx.app.printing : undefined)

export const printingHandlers: HandlersOf<'printing'> = {
  'printing.settings': (ctx) => readPrintSettings(ctx.app.db, deskIdOf(ctx.source)),
  'printing.saveSettings': (ctx, input) =>
    savePrintSettings(ctx.app.db, deskIdOf(ctx.source), ctx.now, signedInUser(ctx), input),
  'printing.printers': async (ctx) => ({
    shell: printersHere(ctx) !== undefined,
    printers: (await printersHere(ctx)?.printers()) ?? []
  }),
  'printing.print': (ctx, input) =>
    printDocument(
      ctx.app.db,
      deskIdOf(ctx.source),
      printersHere(ctx),
      ctx.now,
      signedInUser(ctx),
      currentSession(ctx).token,
      input
    ),
  'printing.count': (ctx, input) => printCount(ctx.app.db, input),
  'printing.workOrderDocument': (ctx, input) =>
    workOrderPrintData(ctx.app.db, ctx.now, signedInUser(ctx), input.workOrderId)
}
