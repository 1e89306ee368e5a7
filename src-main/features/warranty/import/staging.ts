import type BetterSqlite3 from 'better-sqlite3'

/**
 * Where checked rows wait between the check and the apply: a table in the connection's own
 * temporary database, not in the shop's file. Staging is scratch work (a run that stops is
 * undone from the registry's side, and a new connection starts without it), so it needs no WAL,
 * no checkpoint and no fsync; the file SQLite keeps it in is private to the process and goes
 * when the connection closes. Writing it costs a fraction of writing the registry.
 */
export const STAGED_ROWS = 'temp.warranty_import_rows'

const created = new WeakSet<BetterSqlite3.Database>()
const dropStatements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>()

/**
 * Creates the staging table on a connection the first time an import uses it. Called in the
 * import's own turn of the connection, so the DDL never joins another call's transaction.
 */
export function ensureStagingTable(sqlite: BetterSqlite3.Database): void {
  if (created.has(sqlite)) return
  sqlite.exec(
    `CREATE TEMP TABLE IF NOT EXISTS warranty_import_rows (
       job_id TEXT NOT NULL,
       line INTEGER NOT NULL,
       unit_id TEXT NOT NULL,
       serial TEXT NOT NULL,
       brand TEXT NOT NULL,
       model TEXT NOT NULL,
       category_key TEXT NOT NULL,
       card_number TEXT,
       purchase_date TEXT,
       invoice_number TEXT NOT NULL,
       dealer TEXT NOT NULL,
       production_date TEXT,
       buyer_name TEXT NOT NULL,
       buyer_phone TEXT NOT NULL,
       activation_date TEXT,
       PRIMARY KEY (job_id, line)
     ) WITHOUT ROWID;
     CREATE INDEX IF NOT EXISTS temp.warranty_import_rows_serial ON warranty_import_rows(job_id, serial);
     CREATE INDEX IF NOT EXISTS temp.warranty_import_rows_card ON warranty_import_rows(job_id, card_number)
       WHERE card_number IS NOT NULL;`
  )
  // Scratch rows in a private file that goes with the connection: overwriting every freed page
  // (the shop file's secure_delete) would double the cost of dropping them and protect nothing.
  sqlite.pragma('temp.secure_delete = OFF')
  created.add(sqlite)
}

/** Drops a page of a run's staged rows, returning how many went (0 when none are left). */
export function dropStagedRows(sqlite: BetterSqlite3.Database, jobId: string): number {
  let drop = dropStatements.get(sqlite)
  if (drop === undefined) {
    drop = sqlite.prepare(
      `DELETE FROM ${STAGED_ROWS} WHERE job_id = :jobId AND line IN
         (SELECT line FROM ${STAGED_ROWS} WHERE job_id = :jobId ORDER BY line LIMIT 5000)`
    )
    dropStatements.set(sqlite, drop)
  }
  return drop.run({ jobId }).changes
}
