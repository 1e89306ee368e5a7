import { createHash } from 'node:crypto'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'

/**
 * A fingerprint of a data folder, table by table: the row count and a hash of every column's
 * values. Two demo runs on the same shop day must give the same fingerprint, so a change to the
 * generator can be proved not to change its story:
 *
 *   npx tsx tools/demo/fingerprint.ts /tmp/demo-before /tmp/demo-after
 *
 * With one folder it prints the fingerprint; with two it compares them and exits with 1 when
 * they differ, naming the tables and columns that do.
 *
 * What differs between runs by design is left out: the random half of every id (UUIDv7 keeps the
 * moment and the per-millisecond counter, which the seeded story fixes), salts and claim codes,
 * and anything stamped by the real clock once the simulated past is over (the migrations, the
 * final sign-ins, the warranty registry and the parts' compatible models), which is recognised
 * as a moment at or after the first migration ran.
 */

const SQLITE_FILE = 'service-center.sqlite'
/** Columns that hold a fresh secret on every run. */
const RANDOM_COLUMNS = new Set(['password_hash', 'claim_code'])
const UUID = /\b([0-9a-f]{8})-([0-9a-f]{4})-(7[0-9a-f]{3})-[0-9a-f]{4}-[0-9a-f]{12}\b/g
const TIMESTAMP = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z\b/g

interface TableFingerprint {
  rows: number
  /** A hash of the table's rows, order-independent, and one per column to say where they differ. */
  hash: string
  columns: Record<string, string>
}

type Fingerprint = Record<string, TableFingerprint>

/** A value with the parts that differ from run to run by design replaced by what stays. */
function normalise(value: unknown, realTimeFrom: number): string {
  if (typeof value !== 'string') return JSON.stringify(value)
  return value
    .replace(UUID, (_id, high: string, mid: string, counter: string) => {
      const ms = parseInt(high + mid, 16)
      return ms >= realTimeFrom ? 'uuid@real-time' : `uuid@${ms}.${counter}`
    })
    .replace(TIMESTAMP, (stamp) => (Date.parse(stamp) >= realTimeFrom ? 'real-time' : stamp))
}

const sha = (lines: string[]) =>
  createHash('sha256')
    .update([...lines].sort().join('\n'))
    .digest('hex')
    .slice(0, 16)

function fingerprint(dataDir: string): Fingerprint {
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true })
  try {
    const firstMigration = db.prepare('SELECT min(applied_at) FROM schema_migrations').pluck().get() as string
    const realTimeFrom = Date.parse(firstMigration)
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all() as string[]
    const result: Fingerprint = {}
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]
      const names = rows.length > 0 ? Object.keys(rows[0]!) : []
      const cells = (name: string) =>
        rows.map((row) => (RANDOM_COLUMNS.has(name) ? 'random' : normalise(row[name], realTimeFrom)))
      const columns = Object.fromEntries(names.map((name) => [name, sha(cells(name))]))
      const wholeRows = rows.map((row) =>
        names.map((name) => (RANDOM_COLUMNS.has(name) ? 'random' : normalise(row[name], realTimeFrom))).join('\t')
      )
      result[table] = { rows: rows.length, hash: sha(wholeRows), columns }
    }
    return result
  } finally {
    db.close()
  }
}

/** The tables (and within them the columns) whose fingerprints differ. */
function differences(before: Fingerprint, after: Fingerprint): string[] {
  const found: string[] = []
  for (const table of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const a = before[table]
    const b = after[table]
    if (!a || !b) {
      found.push(`${table}: only in the ${a ? 'first' : 'second'} folder`)
      continue
    }
    if (a.rows !== b.rows) found.push(`${table}: ${a.rows} rows, then ${b.rows}`)
    else if (a.hash !== b.hash) {
      const columns = Object.keys(a.columns).filter((name) => a.columns[name] !== b.columns[name])
      found.push(`${table}: same ${a.rows} rows, different ${columns.length > 0 ? columns.join(', ') : 'pairing'}`)
    }
  }
  return found
}

function main(): void {
  const [first, second] = process.argv.slice(2).map((dir) => resolve(dir))
  if (!first) {
    console.error('usage: tsx tools/demo/fingerprint.ts <data-dir> [<other data-dir>]')
    process.exit(2)
  }
  const before = fingerprint(first)
  for (const [table, { rows, hash }] of Object.entries(before))
    console.log(`${table.padEnd(28)} ${String(rows).padStart(7)}  ${hash}`)
  if (!second) return
  const found = differences(before, fingerprint(second))
  if (found.length === 0) {
    console.log(`\nsame data in ${first} and ${second}`)
    return
  }
  console.log(`\n${found.length} tables differ:\n  ${found.join('\n  ')}`)
  process.exit(1)
}

main()
