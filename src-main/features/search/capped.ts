import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type { Page } from '../../../src-shared/contract'

/**
 * How many matches a search counts before it answers "more than N": counting every match of a
 * one-character keystroke on a million rows would cost more than the page itself.
 */
export const SEARCH_COUNT_CAP = 1000

/** The rowids an FTS5 table matches, highest first, at most `limit` of them. */
export async function ftsRowids(db: Db, table: string, match: string, limit: number): Promise<number[]> {
  const { rows } = await sql<{ rowid: number }>`
    SELECT rowid FROM ${sql.table(table)} WHERE ${sql.table(table)} MATCH ${match} ORDER BY rowid DESC LIMIT ${limit}
  `.execute(db)
  return rows.map((row) => row.rowid)
}

/** The ids as one JSON text, for `IN (SELECT value FROM json_each(?))` (one bound value, any length). */
export function jsonList(values: readonly (number | string)[]): string {
  return JSON.stringify(values)
}

/** A page whose count stopped one past the cap: then the answer is "more than SEARCH_COUNT_CAP". */
export function cappedPage<T>(rows: T[], counted: number): Page<T> {
  return counted > SEARCH_COUNT_CAP ? { rows, total: SEARCH_COUNT_CAP, more: true } : { rows, total: counted }
}
