import { vi } from 'vitest'
import type BetterSqlite3 from 'better-sqlite3'

/**
 * Every SQL text the connection runs while `work` runs, in order (statements run by Kysely or
 * by hand alike): for tests that hold a hot path to the statements it needs.
 */
export async function statementsRun(sqlite: BetterSqlite3.Database, work: () => Promise<unknown>): Promise<string[]> {
  const statement = Object.getPrototypeOf(sqlite.prepare('select 1')) as BetterSqlite3.Statement
  const sources: string[] = []
  const spies = (['all', 'get', 'run', 'iterate'] as const).map((method) => {
    const original = statement[method] as (...args: unknown[]) => unknown
    return vi.spyOn(statement, method).mockImplementation(function (this: BetterSqlite3.Statement, ...args: unknown[]) {
      sources.push(this.source)
      return original.apply(this, args)
    } as never)
  })
  try {
    await work()
  } finally {
    for (const spy of spies) spy.mockRestore()
  }
  return sources
}
