import type { Db } from '../../db/connection'
import { reusableInsert } from '../../db/reusableInsert'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { currentCallScope } from '../../rpc/callScope'

export interface AuditRecord {
  actorId: string | null
  action: string
  entity: string
  entityId: string | null
  before?: unknown
  after?: unknown
}

/**
 * Writes who did what, with the record before and after. Call inside the change's transaction.
 * The desk comes from the call being served (rpc/callScope.ts), so no service has to pass it on;
 * a desk's write sent under a request id is claimed in the same transaction.
 */
export async function recordAudit(trx: Db, at: Date, record: AuditRecord): Promise<void> {
  const call = currentCallScope()
  await call?.claimWrite?.(trx)
  await insertAuditRow(trx, {
    id: uuidv7(at.getTime()),
    at: at.toISOString(),
    actorId: record.actorId,
    action: record.action,
    entity: record.entity,
    entityId: record.entityId,
    beforeJson: record.before === undefined ? null : JSON.stringify(record.before),
    afterJson: record.after === undefined ? null : JSON.stringify(record.after),
    deskId: call?.deskId ?? null
  })
}

// Every change writes one: compiled once (db/reusableInsert.ts).
const insertAuditRow = reusableInsert('auditLog', [
  'id',
  'at',
  'actorId',
  'action',
  'entity',
  'entityId',
  'beforeJson',
  'afterJson',
  'deskId'
])
