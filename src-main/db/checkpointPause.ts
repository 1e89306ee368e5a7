import type BetterSqlite3 from 'better-sqlite3'

interface Pause {
  holders: number
  /** The connection's own setting, put back when the last holder lets go. */
  pages: number
}

const pauses = new WeakMap<BetterSqlite3.Database, Pause>()

/**
 * Turns the connection's automatic WAL checkpoints off until the returned release() is called.
 * A backup and a registry import can each hold a pause at the same time: the first one in keeps
 * the connection's own setting and the last one out puts it back, so overlapping holders can never
 * leave checkpoints off for good (which would let the WAL grow until the disk is full).
 * release() may be called more than once; only the first call counts.
 */
export function pauseAutomaticCheckpoints(sqlite: BetterSqlite3.Database): () => void {
  let pause = pauses.get(sqlite)
  if (!pause) {
    pause = { holders: 0, pages: sqlite.pragma('wal_autocheckpoint', { simple: true }) as number }
    pauses.set(sqlite, pause)
    sqlite.pragma('wal_autocheckpoint = 0')
  }
  pause.holders += 1
  let held = true
  return () => {
    if (!held) return
    held = false
    const current = pauses.get(sqlite)!
    current.holders -= 1
    if (current.holders > 0) return
    pauses.delete(sqlite)
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${Number(current.pages)}`)
  }
}
