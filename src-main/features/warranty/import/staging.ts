import type BetterSqlite3 from 'better-sqlite3'

/**
 * Where checked rows wait between the check and the apply: a table in the connection's own
 * temporary database, not in the shop's file. Staging is scratch work (a run that stops is
 * undone from the registry's side, and a new connection starts without it), so it needs no WAL,
 * no checkpoint and no fsync; the file SQLite keeps it in is private to the process and goes
 * when the connection closes. Writing it costs a fraction of writing the registry.
 */
export const STAGED_ROWS = 'temp.warranty_import_rows'

/**
 * The shop file's empty warranty_import_rows keyed by the job id; here each run is known by a
 * small number of this connection's instead (stagingRun). Every key of the table and of its two
 * indexes starts with it, and 36 characters of job id in each of three keys per row made
 * staging cost more than registering the unit it is for.
 */
const STAGING_TABLE = [
  `CREATE TEMP TABLE IF NOT EXISTS warranty_import_rows (
     run INTEGER NOT NULL,
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
     PRIMARY KEY (run, line)
   ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS temp.warranty_import_rows_serial ON warranty_import_rows(run, serial)`,
  `CREATE INDEX IF NOT EXISTS temp.warranty_import_rows_card ON warranty_import_rows(run, card_number)
     WHERE card_number IS NOT NULL`
]

const created = new WeakSet<BetterSqlite3.Database>()
const dropStatements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>()
const runsOf = new WeakMap<BetterSqlite3.Database, Map<string, number>>()

/**
 * Creates the staging table on a connection the first time an import uses it. Called in the
 * import's own turn of the connection, so the DDL never joins another call's transaction.
 */
export function ensureStagingTable(sqlite: BetterSqlite3.Database): void {
  if (created.has(sqlite)) return
  for (const statement of STAGING_TABLE) sqlite.exec(statement)
  // Scratch rows in a private file that goes with the connection: overwriting every freed page
  // (the shop file's secure_delete) would double the cost of dropping them and protect nothing.
  sqlite.pragma('temp.secure_delete = OFF')
  // Each short transaction of an import writes the staging table: with the default rollback
  // journal that is a journal file created, written and deleted per transaction. Kept in memory
  // instead (at most one page of staged rows' worth), a rollback still works and the process
  // spends about a seventh less CPU on a large file; after a crash there is nothing to recover.
  sqlite.pragma('temp.journal_mode = MEMORY')
  created.add(sqlite)
}

/** The number a job's staged rows carry on this connection (given on first use). */
export function stagingRun(sqlite: BetterSqlite3.Database, jobId: string): number {
  let runs = runsOf.get(sqlite)
  if (runs === undefined) {
    runs = new Map()
    runsOf.set(sqlite, runs)
  }
  let run = runs.get(jobId)
  if (run === undefined) {
    run = runs.size + 1
    runs.set(jobId, run)
  }
  return run
}

/** Drops a page of a run's staged rows, returning how many went (0 when none are left). */
export function dropStagedRows(sqlite: BetterSqlite3.Database, jobId: string): number {
  let drop = dropStatements.get(sqlite)
  if (drop === undefined) {
    drop = sqlite.prepare(
      `DELETE FROM ${STAGED_ROWS} WHERE run = :run AND line IN
         (SELECT line FROM ${STAGED_ROWS} WHERE run = :run ORDER BY line LIMIT 5000)`
    )
    dropStatements.set(sqlite, drop)
  }
  return drop.run({ run: stagingRun(sqlite, jobId) }).changes
}
