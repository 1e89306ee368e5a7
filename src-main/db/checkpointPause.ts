import type BetterSqlite3 from 'better-sqlite3'

interface Pause {
  holders: number
  /** The connection's own setting, put back when the last holder lets go. */
  pages: number
}

const pauses = new WeakMap<BetterSqlite3.Database, Pause>()

/**
 * Turns the connection's automatic WAL checkpoints off until the returned release() is called.
 * Backups can hold pauses at the same time: the first one in keeps the connection's own setting
 * and the last one out puts it back, so overlapping holders can never leave checkpoints off for
 * good (which would let the WAL grow until the disk is full).
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

/**
 * Sets the connection's own automatic checkpoint threshold (the checkpoint worker's backstop)
 * and returns what puts the previous one back. While a pause holds, the new threshold is what the
 * last holder puts back, so a pause and a change of threshold may start and end in any order.
 */
export function setAutomaticCheckpointPages(sqlite: BetterSqlite3.Database, pages: number): () => void {
  const previous = ownPages(sqlite)
  setOwnPages(sqlite, pages)
  let held = true
  return () => {
    if (!held) return
    held = false
    setOwnPages(sqlite, previous)
  }
}

function ownPages(sqlite: BetterSqlite3.Database): number {
  return pauses.get(sqlite)?.pages ?? (sqlite.pragma('wal_autocheckpoint', { simple: true }) as number)
}

function setOwnPages(sqlite: BetterSqlite3.Database, pages: number): void {
  const pause = pauses.get(sqlite)
  if (pause) pause.pages = pages
  else if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${Number(pages)}`)
}
