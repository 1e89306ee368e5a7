import type { Insertable, InsertResult, QueryResult } from 'kysely'
import type { Db } from './connection'
import { reusableQuery } from './reusableQuery'
import type { Database } from './schema'

/** A row to insert with exactly the named columns, each given (null where it has no value). */
export type InsertRow<T extends keyof Database, C extends keyof Insertable<Database[T]>> = {
  [K in C]-?: Exclude<Insertable<Database[T]>[K], undefined>
}

/**
 * An insert of a hot path (every issue of a part writes a job line, a ledger line, an outbox
 * row and an audit row), built and compiled once for its columns and then run with each row's
 * values: the same SQL text Kysely would build on every call, without building it again.
 */
export function reusableInsert<T extends keyof Database & string, C extends keyof Insertable<Database[T]> & string>(
  table: T,
  columns: readonly C[]
): (db: Db, row: InsertRow<T, C>) => Promise<QueryResult<InsertResult>> {
  const insert = reusableQuery(columns.length, (db: Db, ...slots: unknown[]) =>
    db.insertInto(table).values(Object.fromEntries(columns.map((column, i) => [column, slots[i]])) as never)
  )
  return (db, row) => insert.execute(db, ...columns.map((column) => row[column]))
}
