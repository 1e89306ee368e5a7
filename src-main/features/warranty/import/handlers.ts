import type { HandlerTable } from '../../../rpc/handler'
import { signedInUser } from '../../../rpc/handler'
import {
  cancelImport,
  importStatus,
  previewImport,
  receiveChunk,
  rejectedFile,
  runImport,
  startImport
} from './service'

type ImportOperation =
  | 'warranty.importStart'
  | 'warranty.importChunk'
  | 'warranty.importPreview'
  | 'warranty.importRun'
  | 'warranty.importStatus'
  | 'warranty.importRejectedFile'
  | 'warranty.importCancel'

export const warrantyImportHandlers: Pick<HandlerTable, ImportOperation> = {
  'warranty.importStart': async (ctx, input) => startImport(ctx.app, ctx.now, signedInUser(ctx).id, input),
  'warranty.importChunk': async (ctx, input) => receiveChunk(ctx.app, input),
  'warranty.importPreview': (ctx, input) => previewImport(ctx.app, input),
  'warranty.importRun': async (ctx, input) => {
    signedInUser(ctx)
    return runImport(ctx.app, ctx.now, input)
  },
  'warranty.importStatus': async (ctx, input) => importStatus(ctx.app, input),
  'warranty.importRejectedFile': async (ctx, input) => rejectedFile(ctx.app, input),
  'warranty.importCancel': (ctx, input) => cancelImport(ctx.app, input)
}
