import type { AppContext } from '../../../app/context'
import { z } from 'zod'
import {
  PULLED_TABLES,
  pulledChange,
  pullResponse,
  pulledRowSchemas,
  type PulledTable
} from '../../../../src-shared/hq/protocol'
import { HqCallError, sendHqCall, type HqEndpoint } from './hqClient'
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

/** A page asked for: `sent` once HQ has the request, `page` once its answer is in and checked. */
interface PageUnderWay<T extends PulledTable> {
  sent: Promise<void>
  page: Promise<FetchedPage<T>>
}

function askPage<T extends PulledTable>(endpoint: HqEndpoint, table: T, since: number, limit: number): PageUnderWay<T> {
  const call = sendHqCall(endpoint, 'pull', { table, since, limit }, pageSchemaOf(table))
  const page = call.answer.then((answer) => {
    for (const change of answer.changes) {
      // The page's schema lets a row be null, as a delete's is; an upsert must bring its row.
      if (change.operation === 'upsert' && change.row === null) {
        throw new HqCallError('hqRefused', `HQ sent a ${table} row that does not fit the protocol`)
      }
    }
    return {
      since,
      changes: answer.changes as PulledRowChange<T>[],
      nextCursor: answer.nextCursor,
      remaining: answer.remaining
    }
  })
  // A page asked for ahead may never be awaited (the pull stopped or failed first): never an unhandled rejection.
  page.catch(() => undefined)
  return { sent: call.sent, page }
}

type CheckedPage = Omit<z.infer<typeof pullResponse>, 'changes'> & {
  changes: { key: string; operation: 'upsert' | 'delete'; row: unknown }[]
}
const pageSchemas = new Map<PulledTable, z.ZodType<CheckedPage>>()

/**
 * The page's schema with the table's row schema in place of its `unknown` row: HQ's answer is
 * checked in one pass, each row where it lies, not the page first and every row again after.
 */
function pageSchemaOf(table: PulledTable): z.ZodType<CheckedPage> {
  let schema = pageSchemas.get(table)
  if (!schema) {
    schema = pullResponse.extend({
      changes: z.array(pulledChange.extend({ row: pulledRowSchemas[table].nullable() }))
    }) as z.ZodType<CheckedPage>
    pageSchemas.set(table, schema)
  }
  return schema
}

/** Whether HQ has more after this page (an empty or unmoved page, or nothing remaining, ends the pull). */
const hasMore = (page: FetchedPage<PulledTable>) =>
  page.changes.length > 0 && page.remaining > 0 && page.nextCursor !== page.since

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
  let next = askPage(endpoint, table, readCursor(app, table), limit)
  for (;;) {
    const page = await next.page
    const more = hasMore(page)
    if (more) {
      next = askPage(endpoint, table, page.nextCursor, limit)
      // Connecting and writing the request need this thread: HQ starts on the next page only once it is sent.
      await next.sent
    }
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
      next = askPage(endpoint, table, readCursor(app, table), limit)
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
