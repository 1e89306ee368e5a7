import type { Db } from '../../db/connection'

/** Display names of the users a report names (technicians), by id. */
export async function userNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute()
  return new Map(rows.map((row) => [row.id, row.displayName]))
}

/** A fault code with its label from the shop's list, e.g. `F12 屏幕不显示`. */
export async function codeLabels(db: Db, list: 'fault_location' | 'fault_cause'): Promise<Map<string, string>> {
  const rows = await db.selectFrom('codeEntries').select(['code', 'label']).where('list', '=', list).execute()
  return new Map(rows.map((row) => [row.code, `${row.code} ${row.label}`]))
}
