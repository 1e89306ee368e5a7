import type BetterSqlite3 from 'better-sqlite3'

/**
 * The numbering counters as the running database has them, read just before a restore. A number
 * once issued is on a claim receipt in a customer's hand, on an invoice, or at HQ for another
 * record: a copy from last week would otherwise hand the next job, invoice or credit note a
 * number already out there. So every counter of every series (numbering/service.ts) stays at least
 * at today's value across a restore: the larger of the copy's and today's.
 */
export interface RunningCounter {
  name: string
  period: string
  lastValue: number
}

export function readRunningCounters(sqlite: BetterSqlite3.Database): RunningCounter[] {
  return sqlite.prepare(`SELECT name, period, last_value AS lastValue FROM number_sequences`).all() as RunningCounter[]
}

/** The series (prefixes) of which today has issued numbers the copy's counters have not reached, sorted. */
export function seriesAhead(copyDb: BetterSqlite3.Database, running: RunningCounter[]): string[] {
  const inCopy = copyDb.prepare(`SELECT last_value FROM number_sequences WHERE name = ? AND period = ?`).pluck()
  const ahead = new Set<string>()
  for (const counter of running) {
    const copyValue = inCopy.get(counter.name, counter.period) as number | undefined
    if (copyValue === undefined || copyValue < counter.lastValue) ahead.add(counter.name)
  }
  return [...ahead].sort()
}

/**
 * Puts today's counters onto the restored (and migrated) copy where they are ahead of its own, in
 * one transaction; a counter the copy holds further on (restoring forward again) stays the copy's.
 * Returns the series moved on, as seriesAhead names them for the preview.
 */
export function keepRunningCounters(restored: BetterSqlite3.Database, running: RunningCounter[]): string[] {
  const keep = restored.prepare(
    `INSERT INTO number_sequences (name, period, last_value) VALUES (?, ?, ?)
     ON CONFLICT (name, period) DO UPDATE SET last_value = max(last_value, excluded.last_value)`
  )
  return restored.transaction(() => {
    const ahead = seriesAhead(restored, running)
    for (const counter of running) keep.run(counter.name, counter.period, counter.lastValue)
    return ahead
  })()
}
