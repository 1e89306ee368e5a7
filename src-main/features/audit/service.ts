import type { Db } from '../../db/connection'
import type { AuditEntry, Page, ParsedInput } from '../../../src-shared/contract'

export async function listAudit(db: Db, query: ParsedInput<'audit.list'>): Promise<Page<AuditEntry>> {
  let filtered = db.selectFrom('auditLog').leftJoin('users', 'users.id', 'auditLog.actorId')
  if (query.action) filtered = filtered.where('auditLog.action', '=', query.action)
  if (query.actorId) filtered = filtered.where('auditLog.actorId', '=', query.actorId)
  // Stored instants are UTC ISO text, so comparing normalised text compares time.
  if (query.from) filtered = filtered.where('auditLog.at', '>=', new Date(query.from).toISOString())
  if (query.to) filtered = filtered.where('auditLog.at', '<', new Date(query.to).toISOString())

  const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const rows = await filtered
    .selectAll('auditLog')
    .select('users.displayName as actorName')
    .orderBy('auditLog.at', 'desc')
    .orderBy('auditLog.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return {
    total: Number(total),
    rows: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: row.beforeJson === null ? null : JSON.parse(row.beforeJson),
      after: row.afterJson === null ? null : JSON.parse(row.afterJson)
    }))
  }
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('auditLog').select('action').distinct().orderBy('action').execute()
  return rows.map((row) => row.action)
}
