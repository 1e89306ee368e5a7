import type { AppContext } from '../../../app/context'
import type { PulledTable } from '../../../../src-shared/hq/protocol'
import type { RefusedPulledRow } from '../../../../src-shared/contract/sync'
import type { PullApplyContext } from './pulledTables'

/** Refused rows the sync status lists, newest first. */
export const REFUSED_ROWS_LISTED = 50

/** Why the shop would not apply an HQ row: a key under sync.refusedRows.reasons, and the figures it names. */
export interface PulledRowRefusal {
  reason: string
  details: Record<string, number | string>
}

/**
 * Sets an HQ row aside instead of applying it, inside the pull's transaction: the row is kept as
 * HQ sent it, with the shop's name for its record and why, and the sync page lists it until HQ
 * sends a version the shop applies. The rest of the page goes on: one bad row stops nothing else.
 */
export function refusePulledRow(
  { sqlite, at }: PullApplyContext,
  table: PulledTable,
  key: string,
  record: string,
  refusal: PulledRowRefusal,
  row: unknown
): void {
  sqlite
    .prepare(
      `INSERT INTO hq_pulled_rows_refused (table_name, row_key, record, reason, details_json, row_json, refused_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (table_name, row_key) DO UPDATE SET record = excluded.record, reason = excluded.reason,
         details_json = excluded.details_json, row_json = excluded.row_json, refused_at = excluded.refused_at`
    )
    .run(table, key, record, refusal.reason, JSON.stringify(refusal.details), JSON.stringify(row), at.toISOString())
}

/** HQ sent a version of the row the shop applies: its earlier refusal is answered. */
export function acceptPulledRow({ sqlite }: PullApplyContext, table: PulledTable, key: string): void {
  sqlite.prepare('DELETE FROM hq_pulled_rows_refused WHERE table_name = ? AND row_key = ?').run(table, key)
}

/** The rows set aside, newest first (at most REFUSED_ROWS_LISTED), and how many there are. */
export async function refusedPulledRows(app: AppContext): Promise<{ rows: RefusedPulledRow[]; count: number }> {
  const rows = await app.db
    .selectFrom('hqPulledRowsRefused')
    .select(['tableName', 'rowKey', 'record', 'reason', 'detailsJson', 'refusedAt'])
    .orderBy('refusedAt', 'desc')
    .orderBy('rowKey')
    .limit(REFUSED_ROWS_LISTED)
    .execute()
  const { count } = await app.db
    .selectFrom('hqPulledRowsRefused')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return {
    rows: rows.map((row) => ({
      table: row.tableName,
      key: row.rowKey,
      record: row.record,
      reason: row.reason,
      details: JSON.parse(row.detailsJson) as Record<string, number | string>,
      refusedAt: row.refusedAt
    })),
    count: Number(count)
  }
}
