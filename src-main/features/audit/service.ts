import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type { AuditActor, AuditEntry, Page, ParsedInput } from '../../../src-shared/contract'
import { SEARCH_COUNT_CAP, cappedPage } from '../search/capped'
import { recordsNamed, type NamedRecords } from './recordsNamed'

export async function listAudit(db: Db, query: ParsedInput<'audit.list'>): Promise<Page<AuditEntry>> {
  const records = query.record ? await recordsNamed(db, query.record) : null
  // A number or phone tail that names no record has no rows: the log is not read at all.
  if (records?.length === 0) return { rows: [], total: 0 }
  return auditPage(db, auditRows(db, query, records), query)
}

/**
 * The log's rows the filters keep. A named record's rows are read through the audit_log_record
 * index (entity, id, time), one range each, however long the log.
 */
export function auditRows(db: Db, query: ParsedInput<'audit.list'>, records: NamedRecords[] | null) {
  let filtered = db.selectFrom('auditLog').leftJoin('users', 'users.id', 'auditLog.actorId')
  if (records) {
    filtered = filtered.where((eb) =>
      eb.or(
        records.map((named) =>
          eb.and([eb('auditLog.entity', '=', named.entity), eb('auditLog.entityId', 'in', named.ids)])
        )
      )
    )
  }
  if (query.action) filtered = filtered.where('auditLog.action', '=', query.action)
  if (query.actorId) filtered = filtered.where('auditLog.actorId', '=', query.actorId)
  // Stored instants are UTC ISO text, so comparing normalised text compares time.
  if (query.from) filtered = filtered.where('auditLog.at', '>=', new Date(query.from).toISOString())
  if (query.to) filtered = filtered.where('auditLog.at', '<', new Date(query.to).toISOString())
  return filtered
}

async function auditPage(
  db: Db,
  filtered: ReturnType<typeof auditRows>,
  query: ParsedInput<'audit.list'>
): Promise<Page<AuditEntry>> {
  // A shop's log grows by millions of rows: the count stops one past the cap ("more than N").
  const { total } = await db
    .selectFrom(
      filtered
        .select('auditLog.id')
        .limit(SEARCH_COUNT_CAP + 1)
        .as('found')
    )
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const rows = await filtered
    .selectAll('auditLog')
    .select('users.displayName as actorName')
    // Which record, as people name it: the work order's, part's or receipt's number.
    .select(
      sql<string | null>`CASE audit_log.entity
        WHEN 'work_order' THEN (SELECT number FROM work_orders WHERE id = audit_log.entity_id)
        WHEN 'part' THEN (SELECT part_number FROM parts WHERE id = audit_log.entity_id)
        WHEN 'invoice' THEN (SELECT number FROM invoices WHERE id = audit_log.entity_id)
      END`.as('entityNumber')
    )
    .orderBy('auditLog.at', 'desc')
    .orderBy('auditLog.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return cappedPage(
    rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      entityNumber: row.entityNumber,
      before: row.beforeJson === null ? null : JSON.parse(row.beforeJson),
      after: row.afterJson === null ? null : JSON.parse(row.afterJson)
    })),
    Number(total)
  )
}

/**
 * The actions the log holds, each once. A skip scan over the (action, at) index: one seek per
 * distinct action instead of reading every row of a log of millions.
 */
export async function listAuditActions(db: Db): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`
    WITH RECURSIVE actions(action) AS (
      SELECT min(action) FROM audit_log
      UNION ALL
      SELECT (SELECT min(action) FROM audit_log WHERE action > actions.action) FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL
  `.execute(db)
  return rows.map((row) => row.action)
}

/**
 * Everyone the log names as having made a change, each once, by name. The same skip scan, over the
 * (actor, at) index that also serves the list filtered by one of them: one seek per person.
 */
export async function listAuditActors(db: Db): Promise<AuditActor[]> {
  const { rows } = await sql<AuditActor>`
    WITH RECURSIVE actors(actor_id) AS (
      SELECT min(actor_id) FROM audit_log
      UNION ALL
      SELECT (SELECT min(actor_id) FROM audit_log WHERE actor_id > actors.actor_id) FROM actors
      WHERE actors.actor_id IS NOT NULL
    )
    SELECT users.id AS id, users.display_name AS display_name
    FROM actors JOIN users ON users.id = actors.actor_id
    ORDER BY users.display_name, users.id
  `.execute(db)
  return rows
}
