import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import type { Db } from '../../db/connection'
import { AppError, type Page, type PartFound, type ParsedInput } from '../../../src-shared/contract'
import { allWordsMatch, plainWords } from '../search/ftsQuery'
import { SEARCH_COUNT_CAP, cappedPage, ftsRowids, jsonList } from '../search/capped'
import { reusableQuery } from '../../db/reusableQuery'
import { toPartSummaries } from './records'
import type { PartsTable } from './tables'

type SearchInput = ParsedInput<'parts.search'>
type PartsQuery = SelectQueryBuilder<Database, 'parts', object>

/**
 * Search as you type over the parts' FTS5 index (migration partSearchFts): every word must appear
 * in the number, name, initials, a barcode or a model (one or two characters: at the start or end
 * of one). Up to SEARCH_COUNT_CAP matches are counted exactly; past it the answer is "more than N".
 *
 * The page lists first the parts the person most likely means: the one whose number was typed
 * exactly, then, when the search is for a job, the parts whose models include the job's device
 * (屏 typed on a Mate 40 job means the Mate 40's screen, and Enter takes the first line). These
 * are found among all matches, past the cap too. Every other match follows by part number (past
 * the cap: among the most recently added matches the cap holds).
 */
export async function searchParts(db: Db, input: SearchInput): Promise<Page<PartFound>> {
  const match = allWordsMatch(plainWords(input.query))
  const exact = input.query.trim()
  const byIndex = match === null ? null : await ftsRowids(db, 'part_search', match, SEARCH_COUNT_CAP + 1)
  const capped = byIndex !== null && byIndex.length > SEARCH_COUNT_CAP
  const fitting = input.workOrderId === undefined ? [] : await partsFittingJobDevice(db, input.workOrderId)
  const fittingFound = await foundAmong(db, match, byIndex, fitting)
  const likely = await likelyMeant(db, exact, fittingFound, input)

  let others = withFilters(db.selectFrom('parts'), input)
  if (likely.length > 0)
    others = others.where(
      sql<SqlBool>`parts.rowid NOT IN (SELECT value FROM json_each(${jsonList(likely.map((part) => part.rowid))}))`
    )
  if (byIndex !== null)
    others = others.where(sql<SqlBool>`parts.rowid IN (SELECT value FROM json_each(${jsonList(byIndex)}))`)
  let counted = SEARCH_COUNT_CAP + 1
  if (!capped) {
    const { total } = await db
      .selectFrom(
        others
          .select('parts.id')
          .limit(SEARCH_COUNT_CAP + 1)
          .as('found')
      )
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow()
    counted = likely.length + Number(total)
  }

  const offset = (input.page - 1) * input.pageSize
  const first = likely.slice(offset, offset + input.pageSize)
  const rest =
    first.length === input.pageSize
      ? []
      : await others
          .selectAll()
          .orderBy('partNumber')
          .limit(input.pageSize - first.length)
          .offset(Math.max(0, offset - likely.length))
          .execute()
  const fits = new Set(fitting.map((part) => part.id))
  const summaries = await toPartSummaries(db, [...first, ...rest])
  return cappedPage(
    summaries.map((summary) => ({ ...summary, fitsJobDevice: fits.has(summary.id) })),
    counted
  )
}

function withFilters(query: PartsQuery, input: SearchInput): PartsQuery {
  if (!input.includeInactive) query = query.where('active', '=', 1)
  if (input.lowOnly) query = query.where('active', '=', 1).whereRef('onHand', '<=', 'reorderPoint')
  return query
}

/**
 * Which of these parts the search matches. The matches the index gave (`byIndex`) are all of
 * them unless the count stopped at the cap; then a part outside it is looked up by rowid in the
 * index (FTS5 seeks it, whatever the number of matches): never a scan of every match.
 */
async function foundAmong(
  db: Db,
  match: string | null,
  byIndex: number[] | null,
  parts: { rowid: number }[]
): Promise<number[]> {
  if (match === null || byIndex === null) return parts.map((part) => part.rowid)
  const indexed = new Set(byIndex)
  const found = parts.filter((part) => indexed.has(part.rowid)).map((part) => part.rowid)
  const unknown = parts.filter((part) => !indexed.has(part.rowid)).map((part) => part.rowid)
  if (byIndex.length <= SEARCH_COUNT_CAP || unknown.length === 0) return found
  const { rows } = await sql<{ rowid: number }>`
    SELECT rowid FROM part_search WHERE part_search MATCH ${match}
      AND rowid IN (SELECT value FROM json_each(${jsonList(unknown)}))
  `.execute(db)
  return [...found, ...rows.map((row) => row.rowid)]
}

/**
 * The parts most likely meant, in the order they are listed: the part whose number is exactly
 * what was typed (the search always matches its own number), then the parts fitting the job's
 * device that the search matches, by part number; those its filters keep. One statement, as it
 * runs on every keystroke.
 */
async function likelyMeant(
  db: Db,
  exact: string,
  fittingFound: number[],
  input: SearchInput
): Promise<(PartsTable & { rowid: number })[]> {
  if (exact === '' && fittingFound.length === 0) return []
  return withFilters(db.selectFrom('parts'), input)
    .where((eb) =>
      eb.or([
        eb('partNumber', '=', exact),
        sql<SqlBool>`parts.rowid IN (SELECT value FROM json_each(${jsonList(fittingFound)}))`
      ])
    )
    .orderBy(sql`CASE WHEN part_number = ${exact} THEN 0 ELSE 1 END`)
    .orderBy('partNumber')
    .selectAll()
    .select(sql<number>`parts.rowid`.as('rowid'))
    .execute()
}

/**
 * The parts made for the job's device: those whose models (适用机型) include a catalogue model
 * whose brand and model name are the device's, each in any case: the desk types them as the
 * customer says them ("huawei", "iphone 15") at check-in, or the warranty registry fills them as
 * the catalogue names them. One statement,
 * compiled once: no row at all is a job that does not exist, a row without a part a device no part
 * is listed for.
 */
async function partsFittingJobDevice(db: Db, workOrderId: string): Promise<{ id: string; rowid: number }[]> {
  const rows = await jobDeviceParts.all(db, workOrderId)
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'errors.workOrderNotFound')
  const parts = new Map<string, number>()
  for (const row of rows) if (row.id !== null && row.rowid !== null) parts.set(row.id, row.rowid)
  return [...parts].map(([id, rowid]) => ({ id, rowid }))
}

const jobDeviceParts = reusableQuery(1, (db: Db, workOrderId: string) =>
  db
    .selectFrom('workOrders')
    .innerJoin('devices', 'devices.id', 'workOrders.deviceId')
    .leftJoin('productModels', (join) =>
      join
        .on(sql<SqlBool>`product_models.brand = devices.brand COLLATE NOCASE`)
        .on(sql<SqlBool>`product_models.model = devices.model COLLATE NOCASE`)
    )
    .leftJoin('partModels', 'partModels.modelId', 'productModels.id')
    .leftJoin('parts', 'parts.id', 'partModels.partId')
    .select(['parts.id', sql<number | null>`parts.rowid`.as('rowid')])
    .where('workOrders.id', '=', workOrderId)
)
