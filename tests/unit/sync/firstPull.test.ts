import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeApp } from '../../../src-main/app/openApp'
import { endpointOf, readHqConnection } from '../../../src-main/features/sync/hq/connection'
import { pullTable } from '../../../src-main/features/sync/hq/pull'
import { callOk, initializedApp, type InitializedApp } from '../helpers'
import { enrolShop, hqUnderTest, registryUnitOf, type HqUnderTest } from './hqFixture'

let hq: HqUnderTest
let shop: InitializedApp

const unit = (i: number, card: string | null) => registryUnitOf(`SN-${i}`, card)

beforeAll(async () => {
  hq = await hqUnderTest()
  shop = await initializedApp()
  await enrolShop(shop.app, shop.adminToken, hq.hq)
})
afterAll(async () => {
  await closeApp(shop.app)
  await hq.dispose()
})

const registered = () => (shop.app.sqlite.prepare('SELECT count(*) AS n FROM warranty_units').get() as { n: number }).n

describe('a first pull of a large registry', () => {
  it('shows its progress, stops between pages, and resumes from its cursor', async () => {
    hq.hq.publishMany(
      'registryUnits',
      Array.from({ length: 30 }, (_, i) => ({ key: `SN-${i}`, row: unit(i, null) }))
    )
    const endpoint = endpointOf((await readHqConnection(shop.app.db))!)
    const progress: number[] = []
    const first = await pullTable(shop.app, endpoint, 'registryUnits', {
      pageSize: 10,
      onProgress: ({ remaining }) => progress.push(remaining),
      shouldStop: () => true
    })
    expect(first).toBe(10)
    expect(progress).toEqual([20])
    expect(registered()).toBe(10)
    const status = await callOk(shop.app, 'sync.status', {}, shop.adminToken)
    expect(status.tables).toEqual([expect.objectContaining({ table: 'registryUnits', cursor: 10, remaining: 20 })])

    const rest = await pullTable(shop.app, endpoint, 'registryUnits', {
      pageSize: 10,
      onProgress: ({ remaining }) => progress.push(remaining)
    })
    expect(rest).toBe(20)
    expect(progress).toEqual([20, 10, 0])
    expect(registered()).toBe(30)
  })

  it('a card number HQ gives another unit moves to it', async () => {
    hq.hq.publish('registryUnits', 'SN-100', unit(100, 'CARD-7'))
    const endpoint = endpointOf((await readHqConnection(shop.app.db))!)
    await pullTable(shop.app, endpoint, 'registryUnits')
    hq.hq.publish('registryUnits', 'SN-101', unit(101, 'CARD-7'))
    await pullTable(shop.app, endpoint, 'registryUnits')
    expect(
      shop.app.sqlite
        .prepare("SELECT serial, card_number FROM warranty_units WHERE serial IN ('SN-100', 'SN-101') ORDER BY serial")
        .all()
    ).toEqual([
      { serial: 'SN-100', card_number: null },
      { serial: 'SN-101', card_number: 'CARD-7' }
    ])
  })
})
