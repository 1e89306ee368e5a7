import { sql } from 'kysely'
import type { Db } from '../../db/connection'

/**
 * Runs a stock change in one transaction that takes SQLite's write lock at its first statement
 * (BEGIN IMMEDIATE). Within this app every transaction already waits its turn on the single
 * connection; the early lock also makes a second process on the same file (another terminal,
 * a tool) wait until this change commits instead of both reading the same on-hand quantity.
 */
export async function stockTransaction<T>(db: Db, change: (trx: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`BEGIN IMMEDIATE`.execute(connection)
    try {
      const result = await change(connection)
      await sql`COMMIT`.execute(connection)
      return result
    } catch (error) {
      await sql`ROLLBACK`.execute(connection)
      throw error
    }
  })
}
