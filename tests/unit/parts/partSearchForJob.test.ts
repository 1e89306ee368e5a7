import { beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { SEARCH_COUNT_CAP } from '../../../src-main/features/search/capped'
import type { CategoryKey } from '../../../src-shared/domain/warranty/policy'
import { callError, callOk } from '../helpers'
import { openOrder, staffedShopPerFile, uniqueSerial } from '../workOrders/fixtures'

const shop = staffedShopPerFile()

/** A catalogue model, made the way the shop gets one: a unit of it entered in the warranty registry. */
async function catalogueModel(app: AppContext, token: string, brand: string, model: string, categoryKey: CategoryKey) {
  await callOk(app, 'warranty.register', { serial: uniqueSerial(), brand, model, categoryKey }, token)
  const models = await callOk(app, 'warranty.models', { categoryKey }, token)
  return models.find((found) => found.brand === brand && found.model === model)!.id
}

let app: AppContext
let clerk: string
let technician: string
/** A job on a Huawei Mate 40, its model typed in lower case at check-in. */
let mateJob: string

async function part(partNumber: string, name: string, compatibleModelIds: string[], active = true) {
  return callOk(
    app,
    'parts.create',
    { partNumber, name, sellingPriceFen: 10_000, compatibleModelIds, active, barcodes: [] },
    clerk
  )
}

beforeAll(async () => {
  const { app: shopApp, adminToken, staff } = shop()
  app = shopApp
  clerk = staff.clerk.token
  technician = staff.techA.token
  const mate40 = await catalogueModel(app, adminToken, '华为', 'Mate 40', 'mobile_phone')
  const iphone = await catalogueModel(app, adminToken, 'Apple', 'iPhone 15', 'mobile_phone')
  const macbook = await catalogueModel(app, adminToken, 'Apple', 'MacBook Air M2', 'laptop_computer')
  // Part numbers put the other devices' screens first, as in the catalogue the issue was seen on.
  await part('A-IP15-SCR', '屏幕总成 iPhone 15', [iphone])
  await part('A-MBA-SCR', '屏幕总成 MacBook Air', [macbook])
  await part('HW-M40-SCR', '屏幕总成 Mate 40', [mate40, iphone])
  await part('HW-M40-BAT', '电池 Mate 40', [mate40])
  await part('HW-M40-OLD', '屏幕总成 Mate 40 旧款', [mate40], false)
  await part('Z-FILM', '屏幕保护膜', [])
  await part('SCR-1', '尾插排线', [])
  await part('SCR-1A', '尾插排线 Mate 40', [mate40])
  const opened = await openOrder(app, staff.frontDesk.token, {
    device: { kind: 'new', fields: { brand: '华为', model: 'mate 40', serial: uniqueSerial() } }
  })
  mateJob = opened.id
})

const search = (query: string, more: Record<string, unknown> = {}) =>
  callOk(app, 'parts.search', { query, page: 1, pageSize: 20, ...more }, technician)
const numbersOf = (page: { rows: { partNumber: string }[] }) => page.rows.map((row) => row.partNumber)

describe('searching parts for a job', () => {
  it("lists the parts for the job's device first, tagged, then the other matches by part number", async () => {
    const found = await search('屏', { workOrderId: mateJob })
    expect(numbersOf(found)).toEqual(['HW-M40-SCR', 'A-IP15-SCR', 'A-MBA-SCR', 'Z-FILM'])
    expect(found.rows.map((row) => row.fitsJobDevice)).toEqual([true, false, false, false])
    expect(found.total).toBe(4)
  })

  it('keeps the part-number order and tags nothing when no job is named', async () => {
    const found = await search('屏')
    expect(numbersOf(found)).toEqual(['A-IP15-SCR', 'A-MBA-SCR', 'HW-M40-SCR', 'Z-FILM'])
    expect(found.rows.some((row) => row.fitsJobDevice)).toBe(false)
  })

  it('offers the parts for the device first when nothing is typed yet', async () => {
    const found = await search('', { workOrderId: mateJob })
    expect(numbersOf(found)).toEqual([
      'HW-M40-BAT',
      'HW-M40-SCR',
      'SCR-1A',
      'A-IP15-SCR',
      'A-MBA-SCR',
      'SCR-1',
      'Z-FILM'
    ])
    expect(found.rows.map((row) => row.fitsJobDevice)).toEqual([true, true, true, false, false, false, false])
    expect(found.total).toBe(7)
  })

  it('still puts a part number typed exactly before the parts for the device', async () => {
    const found = await search('scr-1', { workOrderId: mateJob })
    expect(numbersOf(found)).toEqual(['SCR-1', 'SCR-1A'])
    expect(found.rows.map((row) => row.fitsJobDevice)).toEqual([false, true])
  })

  it('pages on from the parts for the device into the other matches without losing or repeating one', async () => {
    const first = await search('屏', { workOrderId: mateJob, pageSize: 2 })
    const second = await search('屏', { workOrderId: mateJob, pageSize: 2, page: 2 })
    expect(numbersOf(first)).toEqual(['HW-M40-SCR', 'A-IP15-SCR'])
    expect(numbersOf(second)).toEqual(['A-MBA-SCR', 'Z-FILM'])
    expect(second.total).toBe(4)
  })

  it('leaves out an inactive part for the device, as the search always has', async () => {
    expect(numbersOf(await search('旧款', { workOrderId: mateJob }))).toEqual([])
    expect(numbersOf(await search('旧款', { workOrderId: mateJob, includeInactive: true }))).toEqual(['HW-M40-OLD'])
  })

  it('takes a brand typed in another case than the catalogue’s as the same device', async () => {
    const lowerCase = await openOrder(app, shop().staff.frontDesk.token, {
      device: { kind: 'new', fields: { brand: 'apple', model: 'IPHONE 15', serial: uniqueSerial() } }
    })
    const found = await search('屏', { workOrderId: lowerCase.id })
    expect(numbersOf(found)).toEqual(['A-IP15-SCR', 'HW-M40-SCR', 'A-MBA-SCR', 'Z-FILM'])
    expect(found.rows.map((row) => row.fitsJobDevice)).toEqual([true, true, false, false])
  })

  it('keeps the part-number order for a device the catalogue has no model of', async () => {
    const other = await openOrder(app, shop().staff.frontDesk.token, {
      device: { kind: 'new', fields: { brand: '小米', model: '14 Pro', serial: uniqueSerial() } }
    })
    const found = await search('屏', { workOrderId: other.id })
    expect(numbersOf(found)).toEqual(['A-IP15-SCR', 'A-MBA-SCR', 'HW-M40-SCR', 'Z-FILM'])
  })

  it('refuses a job that does not exist', async () => {
    const error = await callError(
      app,
      'parts.search',
      { query: '屏', workOrderId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' },
      technician
    )
    expect(error).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.workOrderNotFound' })
  })

  it('finds the parts for the device among more matches than the search counts', async () => {
    // Newer parts than the Mate 40's screen, all matching 屏: the count stops at the cap, and the
    // cap holds the most recently added matches, which leaves the Mate 40's screen out of it.
    const insert = app.sqlite.prepare(
      `INSERT INTO parts (id, part_number, name, unit, selling_price_fen, average_cost_fen, search_text, created_at, updated_at, edited_at)
       VALUES (?, ?, '屏幕总成', 'piece', 100, 50, ?, '2026-01-23T02:00:00.000Z', '2026-01-23T02:00:00.000Z', '2026-01-23T02:00:00.000Z')`
    )
    app.sqlite.transaction(() => {
      for (let i = 0; i <= SEARCH_COUNT_CAP; i++) {
        const number = `B-${String(i).padStart(5, '0')}`
        insert.run(`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, number, `${number.toLowerCase()} 屏幕总成`)
      }
    })()
    const found = await search('屏', { workOrderId: mateJob })
    expect(found).toMatchObject({ total: SEARCH_COUNT_CAP, more: true })
    expect(numbersOf(found)[0]).toBe('HW-M40-SCR')
    expect(found.rows[0]!.fitsJobDevice).toBe(true)
    expect(numbersOf(found)[1]).toMatch(/^B-/)
  })
})
