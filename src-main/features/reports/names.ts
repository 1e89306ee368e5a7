import type { Db } from '../../db/connection'

/** Display names of the users a report names (technicians), by id. */
export async function userNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute()
  return new Map(rows.map((row) => [row.id, row.displayName]))
}
