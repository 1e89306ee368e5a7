import type BetterSqlite3 from 'better-sqlite3'

/** One SQL statement a call ran, and how long the engine took to run it. */
export interface RecordedStatement {
  sql: string
  ms: number
}

/**
 * Times the statements the app runs on a connection while `record` is on: the raw engine's share
 * of an operation (same SQL, same parameters, as they ran), without Kysely, dispatch or the
 * network. Statements are wrapped where better-sqlite3 makes them (the prototype every statement
 * shares), which the app's statement cache goes through.
 */
export function statementRecorder(sqlite: BetterSqlite3.Database) {
  let recording: RecordedStatement[] | null = null
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<string, unknown>
  const originals = new Map<string, unknown>()
  for (const method of ['run', 'get', 'all'] as const) {
    const original = prototype[method] as (this: BetterSqlite3.Statement, ...args: unknown[]) => unknown
    originals.set(method, original)
    prototype[method] = function (this: BetterSqlite3.Statement, ...parameters: unknown[]) {
      if (!recording) return original.apply(this, parameters)
      const started = performance.now()
      try {
        return original.apply(this, parameters)
      } finally {
        recording.push({ sql: this.source, ms: performance.now() - started })
      }
    }
  }
  return {
    /** The statements `work` ran on the connection, its BEGIN and COMMIT included. */
    async record(work: () => Promise<unknown>): Promise<RecordedStatement[]> {
      const statements: RecordedStatement[] = []
      recording = statements
      try {
        await work()
      } finally {
        recording = null
      }
      return statements
    },
    stop() {
      for (const [method, original] of originals) prototype[method] = original
    }
  }
}

export const isCommit = (statement: RecordedStatement) => /^\s*commit\b/i.test(statement.sql)
const isTransactionControl = (statement: RecordedStatement) => /^\s*(begin|commit|rollback)\b/i.test(statement.sql)

/** The engine's time for a call's own statements, and for its commits (the fsync of synchronous=FULL). */
export function engineTime(statements: RecordedStatement[]): { statements: number; count: number; commit: number } {
  const own = statements.filter((statement) => !isTransactionControl(statement))
  return {
    statements: own.reduce((sum, statement) => sum + statement.ms, 0),
    count: own.length,
    commit: statements.filter(isCommit).reduce((sum, statement) => sum + statement.ms, 0)
  }
}
