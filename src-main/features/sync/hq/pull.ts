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

/** One page as HQ sent it, its rows checked, and the cursor it was asked after. */
interface FetchedPage<T extends PulledTable> {
  since: number
  changes: PulledRowChange<T>[]
  nextCursor: number
  remaining: number
}

async function fetchPage<T extends PulledTable>(
  endpoint: HqEndpoint,
  table: T,
  since: number,
  limit: number
): Promise<FetchedPage<T>> {
  const page = await callHq(endpoint, 'pull', { table, since, limit }, pullResponse)
  return { since, changes: checkedChanges(table, page.changes), nextCursor: page.nextCursor, remaining: page.remaining }
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

/** Whether HQ has more after this page (an empty or unmoved page, or nothing remaining, ends the pull). */
const hasMore = (page: FetchedPage<PulledTable>) =>
  page.changes.length > 0 && page.remaining > 0 && page.nextCursor !== page.since

/** A page asked for ahead of time: its failure surfaces only when it is awaited, never as unhandled. */
function ahead<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

/**
 * Pulls one table up to date, page by page; each page applied with its cursor in one transaction.
 * Pipelined: while the shop applies page N (synchronous SQLite work), page N+1 is already asked
 * for, so HQ's query, its JSON and the network wait overlap the shop's writes. Pages are still
 * applied strictly in order, each only onto the cursor it follows: a page that failed to arrive
 * leaves the cursor after the last applied one, and a page that failed to apply ends the pull
 * before anything after it is applied.
 */
export async function pullTable(
  app: AppContext,
  endpoint: HqEndpoint,
  table: PulledTable,
  options: PullOptions = {}
): Promise<number> {
  const applier = applierOf(table)
  const limit = options.pageSize ?? PULL_PAGE_SIZE
  const cursorWrite = app.sqlite.prepare(
    `INSERT INTO hq_pull_cursors (table_name, cursor, remaining, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (table_name) DO UPDATE SET cursor = excluded.cursor, remaining = excluded.remaining, updated_at = excluded.updated_at`
  )
  let applied = 0
  let next = fetchPage(endpoint, table, readCursor(app, table), limit)
  for (;;) {
    const page = await next
    const more = hasMore(page)
    if (more) next = ahead(fetchPage(endpoint, table, page.nextCursor, limit))
    const at = app.clock()
    // The connection's turn, as every call takes it (never inside another call's transaction), then
    // one synchronous transaction: no await inside it, nothing else runs between its statements.
    const fits = await app.db.connection().execute(async () =>
      app.sqlite.transaction(() => {
        // Another pull may have moved the cursor meanwhile: apply a page only onto the cursor it follows.
        if (readCursor(app, table) !== page.since) return false
        if (page.changes.length > 0) applier({ sqlite: app.sqlite, at }, page.changes as never)
        cursorWrite.run(table, page.nextCursor, page.remaining, at.toISOString())
        return true
      })()
    )
    if (!fits) {
      // The page asked for ahead follows a cursor that is no longer the shop's: ask again from the shop's.
      next = fetchPage(endpoint, table, readCursor(app, table), limit)
      continue
    }
    applied += page.changes.length
    options.onProgress?.({ table, applied, remaining: page.remaining })
    if (!more) return applied
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
