import type BetterSqlite3 from 'better-sqlite3'
import type { z } from 'zod'
import type { pulledRowSchemas, PulledTable } from '../../../../src-shared/hq/protocol'
import { definePort } from '../../../app/port'

export type PulledRow<T extends PulledTable> = z.infer<(typeof pulledRowSchemas)[T]>

/** One change of a pulled page, its row checked against the table's schema (null for a delete). */
export type PulledRowChange<T extends PulledTable> =
  { key: string; operation: 'upsert'; row: PulledRow<T> } | { key: string; operation: 'delete'; row: null }

export interface PullApplyContext {
  /** The shop's connection, inside the pull's transaction: an applier only runs statements. */
  sqlite: BetterSqlite3.Database
  at: Date
}

/**
 * Writes one page of an HQ table into the shop's own tables. Runs synchronously inside the
 * transaction that also advances the table's cursor, so a page is applied whole or not at all.
 * Each feature applies the rows of the tables it owns (features/wiring.ts plugs them in).
 */
export type PulledTableApplier<T extends PulledTable> = (
  context: PullApplyContext,
  changes: PulledRowChange<T>[]
) => void

export type PulledTableAppliers = { [T in PulledTable]: PulledTableApplier<T> }

const appliers = definePort<PulledTableAppliers>('The pulled tables')

export const wirePulledTables = appliers.wire

export function applierOf<T extends PulledTable>(table: T): PulledTableApplier<T> {
  return appliers.get()[table]
}
