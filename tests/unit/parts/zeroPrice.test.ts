import { describe, expect, it } from 'vitest'
import { callError, callOk } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { newPart } from './fixtures'

const shop = staffedShopPerFile()

describe('a part sold at ¥0 only when someone says so', () => {
  it('a new part priced ¥0 is refused until the free-of-charge box is ticked', async () => {
    const { app, staff } = shop()
    const token = staff.clerk.token
    const input = { partNumber: 'FREE-1', name: '螺丝', sellingPriceFen: 0 }
    const error = await callError(app, 'parts.create', input, token)
    expect(error.details?.fields).toEqual([{ path: 'sellingPriceFen', messageKey: 'validation.zeroPriceUnconfirmed' }])
    expect((await callOk(app, 'parts.search', { query: 'FREE-1' }, token)).total).toBe(0)
    const created = await callOk(app, 'parts.create', { ...input, zeroPriceConfirmed: true }, token)
    expect(created.sellingPriceFen).toBe(0)
  })

  it('a price changed to ¥0 needs the same confirmation; a free part’s later edits do not ask again', async () => {
    const { app, staff } = shop()
    const token = staff.clerk.token
    const part = await newPart(app, token)
    const fields = { partNumber: part.partNumber, name: part.name, barcodes: part.barcodes, sellingPriceFen: 0 }
    const error = await callError(app, 'parts.update', { id: part.id, fields }, token)
    expect(error.details?.fields).toEqual([
      { path: 'fields.sellingPriceFen', messageKey: 'validation.zeroPriceUnconfirmed' }
    ])
    await callOk(app, 'parts.update', { id: part.id, fields: { ...fields, zeroPriceConfirmed: true } }, token)
    const renamed = await callOk(app, 'parts.update', { id: part.id, fields: { ...fields, name: '免费螺丝' } }, token)
    expect(renamed).toMatchObject({ name: '免费螺丝', sellingPriceFen: 0 })
  })
})
