import { describe, expect, it } from 'vitest'
import type { CataloguePage, CataloguePart } from '../../../src-hq/contractOutputs'
import { useHqCluster } from './hqHelpers'

const cluster = useHqCluster()

function part(partNumber: string, name: string, claimPriceFen = 5000): CataloguePart {
  return {
    partNumber,
    name,
    description: '',
    unit: 'pc',
    claimPriceFen,
    retailPriceFen: claimPriceFen * 2,
    returnFaulty: true,
    serialTracked: false
  }
}

interface PullPage {
  changes: { key: string; operation: string; row: CataloguePart | null }[]
}

describe('HQ: the parts catalogue on the staff page', () => {
  it('staff search it by part number prefix or a piece of the name, paged, removed parts left out', async () => {
    const t = await cluster.freshHq()
    const admin = await t.staff('networkAdmin')
    const reviewer = await t.staff('claimsReviewer')
    const rows = [
      part('BAT-100', 'Battery X1'),
      part('BAT-200', 'Battery X2'),
      part('SCR-100', 'Screen assembly'),
      part('CAM-1', 'Rear camera 100%_wide'),
      part('OLD-1', 'Retired battery')
    ]
    await t.callOk(admin, 'seed.catalogueParts', { rows })
    await t.callOk(admin, 'seed.remove', { table: 'catalogueParts', key: 'OLD-1' })

    const list = (query: string, limit = 50, offset = 0) =>
      t.callOk<CataloguePage>(reviewer, 'catalogueParts.list', { query, limit, offset })
    const numbers = (page: CataloguePage) => page.parts.map((each) => each.partNumber)

    expect(numbers(await list(''))).toEqual(['BAT-100', 'BAT-200', 'CAM-1', 'SCR-100'])
    expect(numbers(await list('bat'))).toEqual(['BAT-100', 'BAT-200'])
    // "100" is not the start of any number, but a piece of one name only: number prefix, name anywhere.
    expect(numbers(await list('100'))).toEqual(['CAM-1'])
    expect(numbers(await list('BATTERY'))).toEqual(['BAT-100', 'BAT-200'])
    // What a reader types is text: % and _ match themselves.
    expect(numbers(await list('%_'))).toEqual(['CAM-1'])
    expect(numbers(await list('_'))).toEqual(['CAM-1'])
    const second = await list('', 2, 2)
    expect({ parts: numbers(second), total: second.total }).toEqual({ parts: ['CAM-1', 'SCR-100'], total: 4 })
  })

  it('an admin adds a part and changes its claim price; shops pull both; adding never overwrites a listed part', async () => {
    const t = await cluster.freshHq()
    const admin = await t.staff('networkAdmin')
    const { key } = await t.enrolledShop('Nanjing Road')
    await t.callOk(admin, 'catalogueParts.save', { part: part('  BAT-1 ', ' Battery '), adding: true })
    await t.callOk(admin, 'catalogueParts.save', { part: part('BAT-1', 'Battery', 6500), adding: false })

    const taken = await t.call(admin, 'catalogueParts.save', { part: part('BAT-1', 'Other', 1), adding: true })
    expect(taken.ok ? null : taken.error).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'hqErrors.partNumberTaken',
      params: { field: 'partNumber' }
    })
    const missing = await t.call(admin, 'catalogueParts.save', { part: part('NOPE', 'Nothing'), adding: false })
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND')
    const blank = await t.call(admin, 'catalogueParts.save', { part: part(' ', 'Nameless'), adding: true })
    expect(blank.ok ? null : blank.error.code).toBe('VALIDATION')

    const pulled = (await t.shopOk('pull', key, { table: 'catalogueParts', since: 0 })) as PullPage
    expect(pulled.changes.map((change) => [change.key, change.row?.name, change.row?.claimPriceFen])).toEqual([
      ['BAT-1', 'Battery', 6500]
    ])

    // A removed part may be added again under its number.
    await t.callOk(admin, 'seed.remove', { table: 'catalogueParts', key: 'BAT-1' })
    await t.callOk(admin, 'catalogueParts.save', { part: part('BAT-1', 'Battery v2', 7000), adding: true })
    const listed = await t.callOk<CataloguePage>(admin, 'catalogueParts.list', { query: 'BAT' })
    expect(listed.parts.map((each) => [each.name, each.claimPriceFen])).toEqual([['Battery v2', 7000]])
  })

  it('only a network admin changes the catalogue', async () => {
    const t = await cluster.freshHq()
    const reviewer = await t.staff('claimsReviewer')
    const refused = await t.call(reviewer, 'catalogueParts.save', { part: part('BAT-1', 'Battery'), adding: true })
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN')
  })
})
