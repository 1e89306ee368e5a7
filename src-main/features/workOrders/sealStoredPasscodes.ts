import type BetterSqlite3 from 'better-sqlite3'
import { isSealedUnderCurrentKey, openPasscode, sealPasscode } from './passcodeSeal'

/**
 * A start-up upgrade step (a SQL migration cannot encrypt): seals every passcode still stored in
 * plain text, by a release from before sealing, and reseals those under an older key. Running it
 * again changes nothing. The rows are rewritten with secure_delete on and the WAL is truncated
 * afterwards, so the plain text does not linger in freed pages or old WAL frames.
 * Returns how many values were sealed.
 */
export function sealStoredPasscodes(sqlite: BetterSqlite3.Database): number {
  const rows = sqlite.prepare('SELECT id, passcode FROM work_orders WHERE passcode IS NOT NULL').all() as {
    id: string
    passcode: string
  }[]
  const stale = rows.filter((row) => !isSealedUnderCurrentKey(row.passcode))
  if (stale.length === 0) return 0
  const update = sqlite.prepare('UPDATE work_orders SET passcode = ? WHERE id = ?')
  sqlite.transaction(() => {
    for (const row of stale) {
      const plain = openPasscode(row.passcode, row.id)
      // A value no installed key opens is left as it is: the right key may come back (a restored key file).
      if (plain !== null) update.run(sealPasscode(plain, row.id), row.id)
    }
  })()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  return stale.length
}
