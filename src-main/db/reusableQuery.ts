import type { Compilable, CompiledQuery, QueryResult } from 'kysely'
import type { Db } from './connection'

/** A compiled query run with new values: its rows, its first row, or the whole result. */
export interface ReusableQuery<Args extends unknown[], Row> {
  all(db: Db, ...args: Args): Promise<Row[]>
  first(db: Db, ...args: Args): Promise<Row | undefined>
  /** The whole result: for a write, how many rows it changed (`numAffectedRows`). */
  execute(db: Db, ...args: Args): Promise<QueryResult<Row>>
}

/**
 * A query of a hot path (a lookup at the counter), built and compiled once and then run with
 * new values: Kysely would otherwise build its query tree, pass it through the plugins and
 * compile it to SQL on every call, only to produce the same SQL text again. The builder is
 * called once with placeholders for the values (`slots`); a value that is a slot is replaced,
 * by position, at each run. Only plain values can be slots (not `in` lists, whose SQL depends on
 * their length). Every Kysely the app makes compiles alike (createKysely), so one compilation
 * serves them all, inside transactions or not, and across a restore.
 */
export function reusableQuery<Args extends unknown[], Row>(
  slotCount: Args['length'],
  build: (db: Db, ...slots: Args) => Compilable<Row>
): ReusableQuery<Args, Row> {
  let compiled: { query: CompiledQuery<Row>; positions: number[]; argumentAt: number[] } | null = null
  const compile = (db: Db) => {
    const slots = Array.from({ length: slotCount }, (_, i) => `\u0000slot-${i}\u0000`)
    const query = build(db, ...(slots as Args)).compile()
    const positions: number[] = []
    const argumentAt: number[] = []
    query.parameters.forEach((value, position) => {
      const slot = typeof value === 'string' ? slots.indexOf(value) : -1
      if (slot >= 0) {
        positions.push(position)
        argumentAt.push(slot)
      }
    })
    return { query, positions, argumentAt }
  }
  const run = (db: Db, args: Args): Promise<QueryResult<Row>> => {
    compiled ??= compile(db)
    const { query, positions, argumentAt } = compiled
    const parameters = query.parameters.slice()
    for (let i = 0; i < positions.length; i++) parameters[positions[i]!] = args[argumentAt[i]!]
    return db.executeQuery<Row>({ ...query, parameters })
  }
  return {
    all: async (db, ...args) => (await run(db, args)).rows,
    first: async (db, ...args) => (await run(db, args)).rows[0],
    execute: (db, ...args) => run(db, args)
  }
}
