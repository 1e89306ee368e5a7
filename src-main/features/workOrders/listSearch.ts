import type { Db } from '../../db/connection'
import { sql, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely'
import type { Page, ParsedInput, WorkOrderSummary } from '../../../src-shared/contract'
import { allWordsMatch, containsMatch, exactWordMatch, queryWords, startsWithMatch } from '../search/ftsQuery'
import { SEARCH_COUNT_CAP, cappedPage, ftsRowids, jsonList } from '../search/capped'
import type { Database } from '../../db/schema'

export type FilteredOrders = SelectQueryBuilder<Database & { wo: Database['workOrders'] }, 'wo', object>

/** The list rows of these orders (the summaries' shape), in any order. */
export type SummariesOf = (ids: string[]) => Promise<WorkOrderSummary[]>

/**
 * How a match ranks, best first: the number or serial exactly (or the claim code), then a number
 * or serial that starts with the text (or a number ending in the digits read out), then any
 * other match (a number or serial containing the text, the customer). Newest first within each.
 */
const EXACT = 0
const STARTS = 1
const OTHER = 2

/** Up to this many orders starting with the text are read whole by the b-tree (pageOffTheIndex). */
const FEW_STARTING = 200

interface Found {
  id: string
  createdAt: string
  rank: number
}

/**
 * The search's page of the filtered work-order list. A search matches the work-order number or
 * the device's serial (any part of it from three characters, its start from one), the claim
 * code (exactly), the number's last digits, or the customer (name, initials, phone, company).
 * Answered from the FTS5 index and the b-tree indexes of the claim code and the number's last
 * digits, never by walking every order; counts stop past SEARCH_COUNT_CAP ("more than N").
 */
export async function searchedPage(
  db: Db,
  filtered: FilteredOrders,
  search: string,
  query: ParsedInput<'workOrders.list'>,
  summariesOf: SummariesOf
): Promise<Page<WorkOrderSummary>> {
  const match = workOrderSearchMatch(search)
  const byIndex = match === null ? [] : await ftsRowids(db, 'work_order_search', match, SEARCH_COUNT_CAP + 1)
  if (match !== null && byIndex.length > SEARCH_COUNT_CAP)
    return pageOffTheIndex(db, filtered, match, search, query, summariesOf)
  // Few matches: all of them are read (by the indexes of their alternatives, never walking the
  // list's order), ranked, counted and paged exactly.
  const matching = await filtered
    .where((eb) =>
      eb.or([
        eb(sql<number>`wo.rowid`, 'in', sql<number>`(SELECT value FROM json_each(${jsonList(byIndex)}))`),
        ...byNumberTailOrClaimCode(eb, search)
      ])
    )
    .select(['wo.id', 'wo.createdAt', 'wo.number', 'wo.claimCode', sql<number>`wo.rowid`.as('rowid')])
    .execute()
  const exact = new Set(await exactRowids(db, filtered, search))
  const starts = new Set(await startsRowids(db, filtered, search))
  const found = matching.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    rank: Math.min(
      exact.has(row.rowid) ? EXACT : starts.has(row.rowid) ? STARTS : OTHER,
      rankOfNumberTailOrClaimCode(row, search)
    )
  }))
  return pageOfMatches(ranked(found), found.length, query, summariesOf)
}

/** The number or serial exactly, as an FTS5 expression over the ids column; null for no text. */
function exactIdsMatch(search: string): string | null {
  const text = search.trim().toLowerCase()
  return text === '' ? null : `ids : ${exactWordMatch(text)}`
}

/**
 * The orders whose number or device serial is the typed text exactly, in any case: by the b-tree
 * indexes of migration 39 when the text is ASCII (as numbers and serials are), where the FTS5
 * index would read the long lists of every word starting or ending with the same characters.
 * Text beyond ASCII is left to the index, whose case folding covers more than lower() does.
 */
async function exactRowids(db: Db, filtered: FilteredOrders, search: string): Promise<number[]> {
  const text = search.trim().toLowerCase()
  if (text === '') return []
  if (!isAscii(text)) return idRowids(db, exactIdsMatch(search))
  const rows = await exactOrders(filtered, text)
    .select(sql<number>`wo.rowid`.as('rowid'))
    .execute()
  return rows.map((row) => row.rowid)
}

/**
 * The orders whose number or device serial starts with the typed text, in any case: a range of the
 * b-tree indexes of migration 39 when the text is made of what numbers and serials are made of,
 * else the FTS5 index. Only asked where they are few (all of a search's matches are).
 */
async function startsRowids(db: Db, filtered: FilteredOrders, search: string): Promise<number[]> {
  const text = search.trim().toLowerCase()
  const starting = isIdText(text) ? await ordersStarting(db, filtered, text, SEARCH_COUNT_CAP) : null
  return starting ? starting.map((row) => row.rowid) : idRowids(db, startsWithMatch(search, 'ids'))
}

/** Lower-case text of the characters work-order numbers and serials are made of (src-shared serialSchema). */
const isIdText = (text: string) => /^[a-z0-9\-/.]+$/.test(text)

/** The b-tree range of lower-case texts starting with `text`: from it up to the text with its last character one higher. */
function startingWith(column: string, text: string) {
  const next = text.slice(0, -1) + String.fromCharCode(text.charCodeAt(text.length - 1) + 1)
  return sql<SqlBool>`lower(${sql.ref(column)}) >= ${text} AND lower(${sql.ref(column)}) < ${next}`
}

/**
 * The orders whose number or serial starts with the text when there are at most `limit` of them,
 * else null. Numbers and serials are each read only up to one past the limit: a short text may
 * start a hundred thousand serials.
 */
async function ordersStarting(
  db: Db,
  filtered: FilteredOrders,
  text: string,
  limit: number
): Promise<(Found & { rowid: number })[] | null> {
  const devices = await db
    .selectFrom('devices')
    .select('devices.id')
    .where(startingWith('devices.serial', text))
    .limit(limit + 1)
    .execute()
  if (devices.length > limit) return null
  const deviceIds = devices.map((device) => device.id)
  const rows = await filtered
    .where((eb) =>
      eb.or([
        startingWith('wo.number', text),
        eb('wo.deviceId', 'in', sql<string>`(SELECT value FROM json_each(${jsonList(deviceIds)}))`)
      ])
    )
    .select(['wo.id', 'wo.createdAt', sql<number>`wo.rowid`.as('rowid')])
    .limit(limit + 1)
    .execute()
  return rows.length > limit ? null : rows.map((row) => ({ ...row, rank: STARTS }))
}

/** Printable ASCII only: where lower() folds case exactly as the FTS5 index does. */
const isAscii = (text: string) => /^[ -~]*$/.test(text)

function exactOrders(filtered: FilteredOrders, text: string): FilteredOrders {
  return filtered.where((eb) =>
    eb.or([
      eb(sql<string>`lower(${sql.ref('wo.number')})`, '=', text),
      eb(
        'wo.deviceId',
        'in',
        eb
          .selectFrom('devices')
          .select('devices.id')
          .where(sql<string>`lower(${sql.ref('devices.serial')})`, '=', text)
      )
    ])
  )
}

async function idRowids(db: Db, match: string | null): Promise<number[]> {
  return match === null ? [] : ftsRowids(db, 'work_order_search', match, SEARCH_COUNT_CAP + 1)
}

/**
 * What a typed search matches in the work orders' FTS5 index: the number or the serial from its
 * start (in any case) or, from three characters, anywhere in it; or the customer (name,
 * initials, phone, company) by every word typed.
 */
function workOrderSearchMatch(search: string): string | null {
  const contains = containsMatch(search, 'ids')
  // A word that starts with the text also contains it: the longer alternative would only cost.
  const alternatives = [contains ?? startsWithMatch(search, 'ids'), allWordsMatch(queryWords(search), 'customer')]
  const present = alternatives.filter((alternative) => alternative !== null)
  return present.length === 0 ? null : present.map((alternative) => `(${alternative})`).join(' OR ')
}

const isNumberTail = (search: string) => /^\d{1,4}$/.test(search)

/** The alternatives the FTS5 index does not hold: the claim code exactly, the number's last digits. */
function byNumberTailOrClaimCode(
  eb: ExpressionBuilder<Database & { wo: Database['workOrders'] }, 'wo'>,
  search: string
) {
  return [
    // The counter often reads out just the last digits of the number ("0042"); an expression
    // index (migration 10) answers that without scanning every number.
    ...(isNumberTail(search)
      ? [eb(sql<string>`substr(${sql.ref('wo.number')}, -4)`, '=', search.padStart(4, '0'))]
      : []),
    eb('wo.claimCode', '=', search)
  ]
}

function rankOfNumberTailOrClaimCode(order: { number: string; claimCode: string }, search: string): number {
  if (order.claimCode === search) return EXACT
  return isNumberTail(search) && order.number.slice(-4) === search.padStart(4, '0') ? STARTS : OTHER
}

/** Best rank first, then newest first, as the list shows orders. */
function ranked(rows: Found[]): Found[] {
  return rows.sort((a, b) =>
    a.rank !== b.rank
      ? a.rank - b.rank
      : a.createdAt === b.createdAt
        ? b.id.localeCompare(a.id)
        : b.createdAt.localeCompare(a.createdAt)
  )
}

/** The page of these matches (already in the list's order), joined for display in that order. */
async function pageOfMatches(
  ordered: { id: string }[],
  counted: number,
  query: ParsedInput<'workOrders.list'>,
  summariesOf: SummariesOf
): Promise<Page<WorkOrderSummary>> {
  const pageIds = ordered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((row) => row.id)
  const position = new Map(pageIds.map((id, index) => [id, index]))
  const rows = await summariesOf(pageIds)
  return cappedPage(
    rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!),
    counted
  )
}

/**
 * More matches than the cap: the page is read off the FTS5 index newest first (its rowids follow
 * the orders'), rank by rank: exact numbers and serials, those starting with the text, then every
 * match; merged with the few claim-code and number-tail matches. The count stops at the cap
 * ("more than N").
 */
async function pageOffTheIndex(
  db: Db,
  filtered: FilteredOrders,
  match: string,
  search: string,
  query: ParsedInput<'workOrders.list'>,
  summariesOf: SummariesOf
): Promise<Page<WorkOrderSummary>> {
  const wanted = query.page * query.pageSize
  const viaIndex = (expression: string) =>
    filtered
      .innerJoin('workOrderSearch as s', (join) => join.on(sql<SqlBool>`s.rowid = wo.rowid`))
      .where(sql<SqlBool>`s.work_order_search MATCH ${expression}`)
  const found: Found[] = []
  const text = search.trim().toLowerCase()
  if (text !== '' && isAscii(text)) {
    const exact = await exactOrders(filtered, text).select(['wo.id', 'wo.createdAt']).execute()
    found.push(...exact.map((row) => ({ ...row, rank: EXACT })))
  }
  // Orders starting with the text: by the b-tree when they are few, where the FTS5 index would
  // read long lists to find them; when they are many the index finds the newest at once.
  const fewStarting = isIdText(text) ? await ordersStarting(db, filtered, text, FEW_STARTING) : null
  if (fewStarting) found.push(...fewStarting)
  const groups: [string | null, number][] = [
    [isAscii(text) ? null : exactIdsMatch(search), EXACT],
    [fewStarting ? null : startsWithMatch(search, 'ids'), STARTS],
    [match, OTHER]
  ]
  for (const [expression, rank] of groups) {
    if (expression === null) continue
    const rows = await viaIndex(expression)
      .select(['wo.id', 'wo.createdAt'])
      .orderBy(sql`s.rowid`, 'desc')
      .limit(wanted)
      .execute()
    found.push(...rows.map((row) => ({ ...row, rank })))
  }
  // Few (a claim code, one number tail a day): read whole, without the list's order, by their indexes.
  const others = await filtered
    .where((eb) => eb.or(byNumberTailOrClaimCode(eb, search)))
    .select(['wo.id', 'wo.createdAt', 'wo.number', 'wo.claimCode'])
    .execute()
  found.push(
    ...others.map((row) => ({ id: row.id, createdAt: row.createdAt, rank: rankOfNumberTailOrClaimCode(row, search) }))
  )
  const best = new Map<string, Found>()
  for (const row of found) if ((best.get(row.id)?.rank ?? OTHER + 1) > row.rank) best.set(row.id, row)
  const merged = ranked([...best.values()])
  return pageOfMatches(
    merged,
    Math.max(await cappedMatchCount(db, filtered, viaIndex(match)), merged.length),
    query,
    summariesOf
  )
}

/**
 * The matches of the index among the filtered orders, counted up to one past the cap. Without a
 * filter every index row is an order (the triggers keep them one to one) and the index alone
 * already found more than the cap: counting again through a thousand order rows, read from all
 * over a large table, would only say so again.
 */
async function cappedMatchCount(db: Db, filtered: FilteredOrders, matching: FilteredOrders): Promise<number> {
  if (filtered.toOperationNode().where === undefined) return SEARCH_COUNT_CAP + 1
  const { total } = await db
    .selectFrom(
      matching
        .select('wo.id')
        .limit(SEARCH_COUNT_CAP + 1)
        .as('found')
    )
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  return Number(total)
}
