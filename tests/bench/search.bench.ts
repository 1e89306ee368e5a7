/**
 * Search-as-you-type benchmark (issue 17 goal 1): a shop of 100 000 and then 1 000 000 customers
 * and work orders (and a tenth as many parts), seeded in bulk (tests/bench/searchSeed.ts; the
 * FTS5 indexes filled by the production migrations' backfill, as the triggers would have). Each keystroke of 1, 2, 3 and 4 characters is timed
 * through dispatch of the real operation (customers.search, workOrders.list, parts.search, a
 * 20-row page as the screens ask) for phone tails, any part of a phone, name prefixes, pinyin
 * initials, serials, work-order numbers and part numbers. Each shop is seeded once and kept in the
 * temp folder (tests/bench/searchShop.ts), so a rerun only measures. Beside each: the raw engine, one
 * prepared FTS5 statement on the same database answering the same match for the first page
 * (interleaved with the app's calls). Prints p50/p95 per kind and length and the growth of the
 * app's p95 from 100k to 1M. Asserts nothing. Target: p95 <= 20 ms.
 *
 *   npm run bench:search                 # 100k and 1M (seeded on the first run, then reused)
 *   npm run bench:search -- --fresh      # seed again
 *   npm run bench:search -- --seed-only  # seed the cached shops, measure nothing
 *   SEARCH_SIZES=20000 npm run bench:search
 */
import { loadavg } from 'node:os'
import type BetterSqlite3 from 'better-sqlite3'
import { closeApp, openApp } from '../../src-main/app/openApp'
import type { AppContext } from '../../src-main/app/context'
import { allWordsMatch, plainWords, queryWords, startsWithMatch } from '../../src-main/features/search/ftsQuery'
import { pinyinInitials } from '../../src-main/features/search/searchText'
import type { Input, OperationName } from '../../src-shared/contract'
import { must } from '../../tools/demo/shop'
import type { SearchSamples } from './searchSeed'
import { BENCH_ADMIN, searchShop } from './searchShop'

const SIZES = (process.env.SEARCH_SIZES ?? '100000,1000000').split(',').map(Number)
const FRESH = process.argv.includes('--fresh')
/** Seed (or find) the cached shops and stop: to seed a big one ahead of a quiet measuring run. */
const SEED_ONLY = process.argv.includes('--seed-only')
const SAMPLES_PER_CASE = 40
const LENGTHS = [1, 2, 3, 4] as const
const PAGE = { page: 1, pageSize: 20 }

interface Kind {
  name: string
  operation: OperationName
  /** The keystroke of `length` characters typed for one sample. */
  typed: (samples: SearchSamples, index: number, length: number) => string
  input: (text: string) => unknown
  /** The raw engine's statement and its match for the same text. */
  raw: { table: string; match: (text: string) => string | null }
}

const pick = <T>(list: T[], index: number): T => list[(index * 7919) % list.length]!
const customerRaw = { table: 'customer_search', match: (text: string) => allWordsMatch(queryWords(text)) }
const orderRaw = {
  table: 'work_order_search',
  match: (text: string) =>
    [startsWithMatch(text, 'ids'), allWordsMatch(queryWords(text), 'customer')]
      .filter((part) => part !== null)
      .map((part) => `(${part})`)
      .join(' OR ')
}

const KINDS: Kind[] = [
  {
    name: 'phone tail',
    operation: 'customers.search',
    typed: (s, i, n) => pick(s.mobiles, i).slice(-n),
    input: (query) => ({ query, ...PAGE }),
    raw: customerRaw
  },
  {
    name: 'any part of a phone',
    operation: 'customers.search',
    typed: (s, i, n) => pick(s.mobiles, i).slice(3, 3 + n),
    input: (query) => ({ query, ...PAGE }),
    raw: customerRaw
  },
  {
    name: 'name prefix',
    operation: 'customers.search',
    typed: (s, i, n) => pick(s.names, i).slice(0, n),
    input: (query) => ({ query, ...PAGE }),
    raw: customerRaw
  },
  {
    name: 'pinyin initials',
    operation: 'customers.search',
    typed: (s, i, n) => (pinyinInitials(pick(s.names, i))[0] ?? 'z').slice(0, n),
    input: (query) => ({ query, ...PAGE }),
    raw: customerRaw
  },
  {
    name: 'serial (orders)',
    operation: 'workOrders.list',
    typed: (s, i, n) => pick(s.serials, i).slice(0, n),
    input: (search) => ({ search, ...PAGE }),
    raw: orderRaw
  },
  {
    name: 'work-order number tail',
    operation: 'workOrders.list',
    typed: (s, i, n) => pick(s.numbers, i).slice(-n),
    input: (search) => ({ search, ...PAGE }),
    raw: orderRaw
  },
  {
    name: 'customer in orders',
    operation: 'workOrders.list',
    typed: (s, i, n) => pick(s.mobiles, i).slice(-n),
    input: (search) => ({ search, ...PAGE }),
    raw: orderRaw
  },
  {
    name: 'part number',
    operation: 'parts.search',
    typed: (s, i, n) => pick(s.partNumbers, i).slice(0, n),
    input: (query) => ({ query, ...PAGE }),
    raw: { table: 'part_search', match: (text: string) => allWordsMatch(plainWords(text)) }
  }
]

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(7)

interface Figure {
  p50: number
  p95: number
  rawP50: number
  rawP95: number
}

async function measure(app: AppContext, token: string, samples: SearchSamples): Promise<Map<string, Figure>> {
  const figures = new Map<string, Figure>()
  const statements = new Map<string, BetterSqlite3.Statement>()
  const rawStatement = (table: string) => {
    let statement = statements.get(table)
    if (!statement) {
      statement = app.sqlite.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT 21`)
      statements.set(table, statement)
    }
    return statement
  }
  for (const kind of KINDS) {
    for (const length of LENGTHS) {
      const appMs: number[] = []
      const rawMs: number[] = []
      for (let i = 0; i < SAMPLES_PER_CASE; i++) {
        const text = kind.typed(samples, i, length)
        let started = performance.now()
        await must(app, kind.operation, kind.input(text) as Input<typeof kind.operation>, token)
        appMs.push(performance.now() - started)
        const match = kind.raw.match(text)
        started = performance.now()
        if (match) rawStatement(kind.raw.table).all(match)
        rawMs.push(performance.now() - started)
      }
      appMs.sort((a, b) => a - b)
      rawMs.sort((a, b) => a - b)
      figures.set(`${kind.name}|${length}`, {
        p50: percentile(appMs, 50),
        p95: percentile(appMs, 95),
        rawP50: percentile(rawMs, 50),
        rawP95: percentile(rawMs, 95)
      })
    }
  }
  return figures
}

async function main(): Promise<void> {
  const results = new Map<number, Map<string, Figure>>()
  for (const size of SIZES) {
    const shop = await searchShop(size, FRESH)
    console.log(`\n${shop.note}`)
    if (SEED_ONLY) continue
    const app = openApp({ dataDir: shop.dataDir })
    try {
      const { token } = await must(app, 'auth.signIn', {
        username: BENCH_ADMIN.username,
        password: BENCH_ADMIN.password
      })
      console.log(
        `load average before measuring: ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`
      )
      const figures = await measure(app, token, shop.samples)
      results.set(size, figures)
      console.log(
        'kind                      chars   app p50   app p95   FTS5 p50  FTS5 p95   (ms; app = dispatch, 20-row page)'
      )
      for (const [key, f] of figures) {
        const [kind, length] = key.split('|')
        console.log(
          `${kind!.padEnd(26)}${length!.padStart(5)}  ${fmt(f.p50)}   ${fmt(f.p95)}   ${fmt(f.rawP50)}   ${fmt(f.rawP95)}`
        )
      }
      console.log(
        `load average after measuring: ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`
      )
    } finally {
      await closeApp(app)
    }
  }
  const [small, large] = SIZES
  const from = small === undefined ? undefined : results.get(small)
  const to = large === undefined ? undefined : results.get(large)
  if (from && to) {
    console.log(`\ngrowth of the app's p95 from ${small!.toLocaleString('en')} to ${large!.toLocaleString('en')} rows`)
    for (const [key, f] of to) {
      const before = from.get(key)!
      const ratio = f.p95 / before.p95
      const shape = ratio < 1.6 ? 'flat' : ratio < 4 ? 'logarithmic' : 'linear'
      const [kind, length] = key.split('|')
      console.log(
        `${kind!.padEnd(26)}${length!.padStart(5)}  ${fmt(before.p95)} -> ${fmt(f.p95)}  x${ratio.toFixed(2)}  ${shape}`
      )
    }
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
