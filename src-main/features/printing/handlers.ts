import type { HandlersOf } from '../../rpc/handler'
import { currentSession, signedInUser } from '../../rpc/handler'
import { deskIdOf } from '../../rpc/callSource'
import { printCount, printDocument, readPrintSettings, savePrintSettings } from './service'
import { workOrderPrintData } from './documents'

export const printingHandlers: HandlersOf<'printing'> = {
  'printing.settings': (ctx) => readPrintSettings(ctx.app.db, deskIdOf(ctx.source)),
  'printing.saveSettings': (ctx, input) =>
    savePrintSettings(ctx.app.db, deskIdOf(ctx.source), ctx.now, signedInUser(ctx), input),
  'printing.printers': async (ctx) => ({
    shell: ctx.app.printing !== undefined,
    printers: (await ctx.app.printing?.printers()) ?? []
  }),
  'printing.print': (ctx, input) =>
    printDocument(
      ctx.app.db,
      deskIdOf(ctx.source),
      ctx.app.printing,
      ctx.now,
      signedInUser(ctx),
      currentSession(ctx).token,
      input
    ),
  'printing.count': (ctx, input) => printCount(ctx.app.db, input),
  'printing.workOrderDocument': (ctx, input) =>
    workOrderPrintData(ctx.app.db, ctx.now, signedInUser(ctx), input.workOrderId)
}
