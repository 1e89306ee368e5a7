import { sql, type SqlBool } from 'kysely'
import type { Db } from '../../db/connection'
import type { Customer, Page, ParsedInput } from '../../../src-shared/contract'
import { toCustomer } from '../workOrders/parties'
import { allWordsMatch, endsWithMatch, exactWordMatch, queryWords } from '../search/ftsQuery'
import { SEARCH_COUNT_CAP, cappedPage, ftsRowids, jsonList } from '../search/capped'
import { endsWordPattern, phoneQueryDigits } from '../search/searchText'
import { escapeLike } from '../../db/like'

type SearchInput = ParsedInput<'customers.search'>

/** Customers that stand on their own and were not erased: the ones search may find. */
function findableCustomers(db: Db) {
  return db.selectFrom('customers').where('customers.mergedIntoId', 'is', null).where('customers.erasedAt', 'is', null)
}

/**
 * Search as you type over the customers' FTS5 index (migration customerSearchFts). Up to
 * SEARCH_COUNT_CAP matches are counted and ordered exactly as always (phone tails first, then the
 * most recently changed); beyond that the answer is "more than N" and the page is read straight
 * off the index, whose order is the same one, so no keystroke reads every match.
 */
export async function searchCustomers(db: Db, input: SearchInput): Promise<Page<Customer>> {
  const match = allWordsMatch(queryWords(input.query))
  if (match === null) return input.query.trim() === '' ? everyCustomer(db, input) : { rows: [], total: 0 }
  const seqs = await ftsRowids(db, 'customer_search', match, SEARCH_COUNT_CAP + 1)
  if (seqs.length <= SEARCH_COUNT_CAP) return exactPage(db, input, seqs)
  return pageOffTheIndex(db, input, match)
}

/** The empty search: every findable customer, most recently changed first, counted up to the cap. */
async function everyCustomer(db: Db, input: SearchInput): Promise<Page<Customer>> {
  const rows = await findableCustomers(db)
    .selectAll()
    .orderBy('customers.updatedAt', 'desc')
    .orderBy('customers.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute()
  const { total } = await db
    .selectFrom(
      findableCustomers(db)
        .select('customers.id')
        .limit(SEARCH_COUNT_CAP + 1)
        .as('found')
    )
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  return cappedPage(rows.map(toCustomer), Number(total))
}

/**
 * The customers behind these index rowids. Only findable customers have a search_seq (the
 * triggers see to it), so nothing else is asked: a condition on merged_into_id would lure SQLite
 * into walking the whole list index instead of looking up the few rows by search_seq.
 */
function indexedCustomers(db: Db, seqs: number[]) {
  return db.selectFrom('customers').where(sql<SqlBool>`search_seq IN (SELECT value FROM json_each(${jsonList(seqs)}))`)
}

/** Few enough matches to count them all and order them as the list always did. */
async function exactPage(db: Db, input: SearchInput, seqs: number[]): Promise<Page<Customer>> {
  if (seqs.length === 0) return { rows: [], total: 0 }
  const text = sql`' ' || ${sql.ref('customers.searchText')} || ' '`
  const [exact, tail] = rankingWords(input.query)
  const rank = sql<number>`CASE
    WHEN ${text} LIKE ${exact === null ? null : `% ${escapeLike(exact)} %`} ESCAPE '\\' THEN 0
    WHEN ${text} LIKE ${tail === null ? null : endsWordPattern(tail)} ESCAPE '\\' THEN 1
    ELSE 2 END`
  const rows = await indexedCustomers(db, seqs)
    .selectAll()
    .orderBy(rank)
    .orderBy('customers.updatedAt', 'desc')
    .orderBy('customers.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute()
  return { rows: rows.map(toCustomer), total: seqs.length }
}

/**
 * What ranks a customer first: a word typed exactly as one of theirs (a whole name, initials or
 * phone), then, for a phone number, a phone that ends with the digits (the desk types the last
 * digits of a phone: numbers ending with them rank above numbers that merely contain them).
 */
function rankingWords(query: string): [exact: string | null, tail: string | null] {
  const words = queryWords(query)
  const digits = phoneQueryDigits(query)
  return [words.length === 1 ? words[0]! : null, digits ? digits : null]
}

/**
 * More matches than the cap: the page is taken from the top of the index, tier by tier (exact
 * words, phone tails, then every match), which costs the page's rows, not the matches'.
 */
async function pageOffTheIndex(db: Db, input: SearchInput, match: string): Promise<Page<Customer>> {
  const wanted = input.page * input.pageSize
  const [exact, tail] = rankingWords(input.query)
  const tiers = [exact === null ? null : exactWordMatch(exact), tail === null ? null : endsWithMatch(tail), match]
  const ordered = new Set<number>()
  for (const tier of tiers) {
    if (tier === null || ordered.size >= wanted) continue
    for (const seq of await ftsRowids(db, 'customer_search', tier, wanted + ordered.size)) ordered.add(seq)
  }
  const pageSeqs = [...ordered].slice((input.page - 1) * input.pageSize, wanted)
  const rows = pageSeqs.length
    ? await indexedCustomers(db, pageSeqs)
        .selectAll()
        .select(sql<number>`search_seq`.as('searchSeq'))
        .execute()
    : []
  const position = new Map(pageSeqs.map((seq, index) => [seq, index]))
  rows.sort((a, b) => (position.get(a.searchSeq) ?? 0) - (position.get(b.searchSeq) ?? 0))
  return cappedPage(rows.map(toCustomer), SEARCH_COUNT_CAP + 1)
}
