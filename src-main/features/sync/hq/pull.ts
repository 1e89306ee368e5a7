import type { AppContext } from '../../../app/context'
import { PULLED_TABLES, pullResponse, pulledRowSchemas, type PulledTable } from '../../../../src-shared/hq/protocol'
import { callHq, HqCallError, type HqEndpoint } from './hqClient'
import { applierOf, type PulledRowChange } from './pulledTables'

/** Rows per page: a page is one transaction at the shop, short enough never to hold up the counter. */
export const PULL_PAGE_SIZE = 5000

export interface PullProgress {
  table: PulledTable
  applied: number
  remaining: number
}

export interface PullOptions {
  pageSize?: number
  onProgress?: (progress: PullProgress) => void
  /** Asked between pages: a long first pull stops cleanly and resumes from its cursor next time. */
  shouldStop?: () => boolean
}

export function readCursor(app: AppContext, table: PulledTable): number {
  const row = app.sqlite.prepare('SELECT cursor FROM hq_pull_cursors WHERE table_name = ?').get(table) as
    { cursor: number } | undefined
  return row?.cursor ?? 0
}

function checkedChanges<T extends PulledTable>(
  table: T,
  changes: { key: string; operation: 'upsert' | 'delete'; row: unknown }[]
): PulledRowChange<T>[] {
  const schema = pulledRowSchemas[table]
  return changes.map((change) => {
    if (change.operation === 'delete') return { key: change.key, operation: 'delete', row: null }
    const parsed = schema.safeParse(change.row)
    if (!parsed.success) throw new HqCallError('hqRefused', `HQ sent a ${table} row that does not fit the protocol`)
    return { key: change.key, operation: 'upsert', row: parsed.data } as PulledRowChange<T>
  })
}

/** Pulls one table up to date, page by page; each page applied with its cursor in one transaction. */
export async function pullTable(
  app: AppContext,
  endpoint: HqEndpoint,
  table: PulledTable,
  options: PullOptions = {}
): Promise<number> {
  const applier = applierOf(table)
  let applied = 0
  for (;;) {
    const since = readCursor(app, table)
    const page = await callHq(
      endpoint,
      'pull',
      { table, since, limit: options.pageSize ?? PULL_PAGE_SIZE },
      pullResponse
    )
    const changes = checkedChanges(table, page.changes)
    const at = app.clock()
    await app.db.transaction().execute(async () => {
      // Another pull may have moved the cursor meanwhile: apply a page only onto the cursor it follows.
      if (readCursor(app, table) !== since) return
      if (changes.length > 0) applier({ sqlite: app.sqlite, at }, changes as never)
      app.sqlite
        .prepare(
          `INSERT INTO hq_pull_cursors (table_name, cursor, remaining, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (table_name) DO UPDATE SET cursor = excluded.cursor, remaining = excluded.remaining, updated_at = excluded.updated_at`
        )
        .run(table, page.nextCursor, page.remaining, at.toISOString())
    })
    applied += changes.length
    options.onProgress?.({ table, applied, remaining: page.remaining })
    if (changes.length === 0 || page.remaining === 0 || page.nextCursor === since) return applied
    if (options.shouldStop?.()) return applied
  }
}

/** Pulls every HQ table in the protocol's order (the registry first: policies and claims refer to it). */
export async function pullAll(app: AppContext, endpoint: HqEndpoint, options: PullOptions = {}): Promise<number> {
  let applied = 0
  for (const table of PULLED_TABLES) {
    applied += await pullTable(app, endpoint, table, options)
    if (options.shouldStop?.()) break
  }
  return applied
}
