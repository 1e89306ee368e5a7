import pg from 'pg'
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely'
import type { HqDatabase } from './schema'
import { HQ_MIGRATIONS } from './migrations'
import { migrateHq } from './migrator'

export type HqDb = Kysely<HqDatabase>

const INT8 = 20
const DATE = 1082

/**
 * bigint columns hold fen and sequence numbers, far below 2^53, so they are read as numbers; a
 * calendar date stays the `YYYY-MM-DD` text it is (a Date object would shift it by time zone).
 */
function typeParser(oid: number, format?: string): (text: string) => unknown {
  if (oid === INT8) return (text) => Number(text)
  if (oid === DATE) return (text) => text
  return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format as 'text')
}

export interface HqDatabaseHandle {
  db: HqDb
  pool: pg.Pool
  close(): Promise<void>
}

/** Connects to HQ's database and brings its schema up to date. */
export async function openHqDatabase(connectionString: string): Promise<HqDatabaseHandle> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    types: { getTypeParser: typeParser as typeof pg.types.getTypeParser }
  })
  // An idle connection dropped by the server (a restart, a shutdown) is replaced on next use; it
  // must not take HQ down.
  let closing = false
  pool.on('error', (error) => {
    if (!closing) console.warn('[hq] idle database connection lost:', error.message)
  })
  try {
    await migrateHq(pool, HQ_MIGRATIONS)
  } catch (error) {
    await pool.end()
    throw error
  }
  const db = new Kysely<HqDatabase>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] })
  return {
    db,
    pool,
    close: () => {
      // pool.end() answers before each connection's goodbye is through; a server stopping right
      // after may cut one, which is no loss then.
      closing = true
      return db.destroy()
    }
  }
}
