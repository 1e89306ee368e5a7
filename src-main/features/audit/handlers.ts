import type { HandlersOf } from '../../rpc/handler'
import { listAudit, listAuditActions, listAuditActors } from './service'

export const auditHandlers: HandlersOf<'audit'> = {
  'audit.list': (ctx, input) => listAudit(ctx.app.db, input),
  'audit.actions': (ctx) => listAuditActions(ctx.app.db),
  'audit.actors': (ctx) => listAuditActors(ctx.app.db)
}
