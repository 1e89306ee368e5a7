import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import type { Db } from '../../db/connection'
import { AppError, type Page, type PartFound, type ParsedInput } from '../../../src-shared/contract'
import { allWordsMatch, plainWords } from '../search/ftsQuery'
import { SEARCH_COUNT_CAP, cappedPage, ftsRowids, jsonList } from '../search/capped'
import { toPartSummaries } from './records'

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
  const fitting = input.workOrderId === undefined ? [] : await partsFittingJobDevice(db, input.workOrderId)
  const likely = await likelyMeant(db, match, exact, fitting, input)

  let others = withFilters(db.selectFrom('parts'), input).where(
    sql<SqlBool>`parts.rowid NOT IN (SELECT value FROM json_each(${jsonList(likely)}))`
  )
  let counted: number | null = null
  if (match !== null) {
    const byIndex = await ftsRowids(db, 'part_search', match, SEARCH_COUNT_CAP + 1)
    others = others.where(sql<SqlBool>`parts.rowid IN (SELECT value FROM json_each(${jsonList(byIndex)}))`)
    if (byIndex.length > SEARCH_COUNT_CAP) counted = SEARCH_COUNT_CAP + 1
  }
  if (counted === null) {
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
  const likelyOnPage = likely.slice(offset, offset + input.pageSize)
  const first =
    likelyOnPage.length === 0
      ? []
      : await byLikelihood(
          db
            .selectFrom('parts')
            .where(sql<SqlBool>`parts.rowid IN (SELECT value FROM json_each(${jsonList(likelyOnPage)}))`),
          exact
        )
          .selectAll()
          .execute()
  const rest =
    first.length === input.pageSize
      ? []
      : await others
          .selectAll()
          .orderBy('partNumber')
          .limit(input.pageSize - first.length)
          .offset(Math.max(0, offset - likely.length))
          .execute()
  const rows = [...first, ...rest]
  const fits = new Set(fitting.map((part) => part.id))
  const summaries = await toPartSummaries(db, rows)
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

/** The exact part number first, then the job's device's parts, each by part number. */
function byLikelihood(query: PartsQuery, exact: string): PartsQuery {
  return query.orderBy(sql`CASE WHEN part_number = ${exact} THEN 0 ELSE 1 END`).orderBy('partNumber')
}

/**
 * The rowids of the parts most likely meant, in the order they are listed: the part whose number
 * is exactly what was typed and the parts fitting the job's device, those the search matches and
 * its filters keep. A handful, looked up by rowid in the index: never a scan of every match.
 */
async function likelyMeant(
  db: Db,
  match: string | null,
  exact: string,
  fitting: { rowid: number }[],
  input: SearchInput
): Promise<number[]> {
  const exactPart =
    exact === ''
      ? undefined
      : await db
          .selectFrom('parts')
          .select(sql<number>`parts.rowid`.as('rowid'))
          .where('partNumber', '=', exact)
          .executeTakeFirst()
  const candidates = [...new Set([...(exactPart ? [exactPart.rowid] : []), ...fitting.map((part) => part.rowid)])]
  if (candidates.length === 0) return []
  const matched = match === null ? candidates : await ftsRowidsAmong(db, match, candidates)
  if (matched.length === 0) return []
  const rows = await byLikelihood(
    withFilters(db.selectFrom('parts'), input).where(
      sql<SqlBool>`parts.rowid IN (SELECT value FROM json_each(${jsonList(matched)}))`
    ),
    exact
  )
    .select(sql<number>`parts.rowid`.as('rowid'))
    .execute()
  return rows.map((row) => row.rowid)
}

/** Which of these parts the FTS5 match finds: FTS5 seeks each rowid, whatever the match's size. */
async function ftsRowidsAmong(db: Db, match: string, rowids: number[]): Promise<number[]> {
  const { rows } = await sql<{ rowid: number }>`
    SELECT rowid FROM part_search WHERE part_search MATCH ${match}
      AND rowid IN (SELECT value FROM json_each(${jsonList(rowids)}))
  `.execute(db)
  return rows.map((row) => row.rowid)
}

/**
 * The parts made for the job's device: those whose models (适用机型) include a catalogue model
 * of the device's brand with its model name in any case. The device is typed at check-in (or
 * filled from the warranty registry, which names models as the catalogue does).
 */
async function partsFittingJobDevice(db: Db, workOrderId: string): Promise<{ id: string; rowid: number }[]> {
  const device = await db
    .selectFrom('workOrders')
    .innerJoin('devices', 'devices.id', 'workOrders.deviceId')
    .select(['devices.brand', 'devices.model'])
    .where('workOrders.id', '=', workOrderId)
    .executeTakeFirst()
  if (!device) throw new AppError('NOT_FOUND', 'errors.workOrderNotFound')
  return db
    .selectFrom('productModels')
    .innerJoin('partModels', 'partModels.modelId', 'productModels.id')
    .innerJoin('parts', 'parts.id', 'partModels.partId')
    .select(['parts.id', sql<number>`parts.rowid`.as('rowid')])
    .distinct()
    .where('productModels.brand', '=', device.brand)
    .where(sql<SqlBool>`product_models.model = ${device.model} COLLATE NOCASE`)
    .execute()
}
