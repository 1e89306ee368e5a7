import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeApp } from '../../../src-main/app/openApp'
import { endpointOf, readHqConnection } from '../../../src-main/features/sync/hq/connection'
import { HqCallError, type HqEndpoint } from '../../../src-main/features/sync/hq/hqClient'
import { pullTable, readCursor } from '../../../src-main/features/sync/hq/pull'
import { initializedApp, type InitializedApp } from '../helpers'
import { enrolShop, hqUnderTest, registryUnitOf, type HqUnderTest } from './hqFixture'

/**
 * The pull asks HQ for page N+1 while it applies page N. These pin down what must stay true:
 * pages applied strictly in order, each with its cursor; a page that never arrives leaves the
 * cursor after the last applied one; a page that fails to apply stops everything after it.
 */

const UNITS = 50
const PAGE = 10

let hq: HqUnderTest
let shop: InitializedApp
let endpoint: HqEndpoint
/** The cursor a pull request is dropped at (its connection closed unanswered); null for none. */
let dropAt: number | null

const unit = (i: number) => registryUnitOf(`SN-${String(i).padStart(3, '0')}`)

const serials = () =>
  shop.app.sqlite.prepare('SELECT serial FROM warranty_units ORDER BY serial').pluck().all() as string[]
const serialsUpTo = (count: number) => Array.from({ length: count }, (_, i) => unit(i).serial)

beforeEach(async () => {
  dropAt = null
  hq = await hqUnderTest({ pullDrops: ({ since }) => since === dropAt })
  shop = await initializedApp()
  await enrolShop(shop.app, shop.adminToken, hq.hq)
  hq.hq.publishMany(
    'registryUnits',
    Array.from({ length: UNITS }, (_, i) => ({ key: unit(i).serial, row: unit(i) }))
  )
  endpoint = endpointOf((await readHqConnection(shop.app.db))!)
})
afterEach(async () => {
  await closeApp(shop.app)
  await hq.dispose()
})

describe('a pipelined pull', () => {
  it('applies the pages strictly in order, each with its cursor', async () => {
    const seen: { cursor: number; serials: string[]; remaining: number }[] = []
    const pulled = await pullTable(shop.app, endpoint, 'registryUnits', {
      pageSize: PAGE,
      onProgress: ({ remaining }) =>
        seen.push({ cursor: readCursor(shop.app, 'registryUnits'), serials: serials(), remaining })
    })
    expect(pulled).toBe(UNITS)
    expect(seen).toEqual(
      [1, 2, 3, 4, 5].map((pages) => ({
        cursor: pages * PAGE,
        serials: serialsUpTo(pages * PAGE),
        remaining: UNITS - pages * PAGE
      }))
    )
  })

  it('a page lost on its way leaves the cursor after the last applied page, and the next pull goes on from there', async () => {
    dropAt = 3 * PAGE
    const failed = await pullTable(shop.app, endpoint, 'registryUnits', { pageSize: PAGE }).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(HqCallError)
    expect((failed as HqCallError).problem).toBe('unreachable')
    expect(readCursor(shop.app, 'registryUnits')).toBe(3 * PAGE)
    expect(serials()).toEqual(serialsUpTo(3 * PAGE))

    dropAt = null
    const rest = await pullTable(shop.app, endpoint, 'registryUnits', { pageSize: PAGE })
    expect(rest).toBe(UNITS - 3 * PAGE)
    expect(readCursor(shop.app, 'registryUnits')).toBe(UNITS)
    expect(serials()).toEqual(serialsUpTo(UNITS))
  })

  it('a page that fails to apply leaves its cursor, and no later page is applied', async () => {
    // The shop's database refuses one unit of the second page, as a full disk or a broken row would.
    shop.app.sqlite.exec(
      `CREATE TEMP TRIGGER refuse_unit BEFORE INSERT ON main.warranty_units WHEN NEW.serial = '${unit(PAGE + 5).serial}'
       BEGIN SELECT RAISE(ABORT, 'refused'); END`
    )
    await expect(pullTable(shop.app, endpoint, 'registryUnits', { pageSize: PAGE })).rejects.toThrow('refused')
    expect(readCursor(shop.app, 'registryUnits')).toBe(PAGE)
    expect(serials()).toEqual(serialsUpTo(PAGE))

    shop.app.sqlite.exec('DROP TRIGGER refuse_unit')
    expect(await pullTable(shop.app, endpoint, 'registryUnits', { pageSize: PAGE })).toBe(UNITS - PAGE)
    expect(serials()).toEqual(serialsUpTo(UNITS))
  })

  it('a page with a row that does not fit the protocol is refused whole, the pages before it kept', async () => {
    hq.hq.publish('registryUnits', 'SN-BAD', { serial: 'SN-BAD', brand: '小米' })
    const failed = await pullTable(shop.app, endpoint, 'registryUnits', { pageSize: PAGE }).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(HqCallError)
    expect((failed as HqCallError).problem).toBe('hqRefused')
    expect(readCursor(shop.app, 'registryUnits')).toBe(UNITS)
    expect(serials()).toEqual(serialsUpTo(UNITS))
  })
})
