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
  // The same table and indexes the migrations gave the shop's file (which stays empty), in temp.
  const definitions = sqlite
    .prepare(`SELECT type, sql FROM main.sqlite_master WHERE tbl_name = 'warranty_import_rows' AND sql IS NOT NULL`)
    .all() as { type: 'table' | 'index'; sql: string }[]
  for (const { type, sql } of definitions.sort((a, b) => (a.type === b.type ? 0 : a.type === 'table' ? -1 : 1))) {
    sqlite.exec(
      type === 'table'
        ? sql.replace(/^CREATE TABLE /, 'CREATE TEMP TABLE IF NOT EXISTS ')
        : sql.replace(/^CREATE INDEX (\w+) ON /, 'CREATE INDEX IF NOT EXISTS temp.$1 ON ')
    )
  }
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
