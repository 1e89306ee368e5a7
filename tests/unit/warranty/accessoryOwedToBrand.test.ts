import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { callOk } from '../helpers'
import { charger } from './accessoryFixtures'
import { lookUp, performance, ruleShop, sell, type RuleShop } from './rules/fixtures'

/**
 * A faulty accessory taken back under 三包 at the counter is owed to the brand like a part replaced
 * in a warranty repair: on the faulty-part list under its PJ slip, with its serial where scanned,
 * packed, shipped and credited like the others, and in the list's Excel export.
 */
const SOLD = '2026-01-31'

async function exportedOwedRows(app: AppContext, token: string): Promise<string[][]> {
  const columns = { workOrderNumber: '工单/三包单号', partNumber: '料号', serial: '序列号' }
  const exported = await callOk(app, 'parts.export', { list: 'faultyOwed', title: '待返还旧件', columns }, token)
  const workbook = new ExcelJS.Workbook()
  const bytes = Buffer.from(exported.base64, 'base64')
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  const rows: string[][] = []
  // The list's columns in their order: source number, part number, name, serial…
  workbook.worksheets[0]!.eachRow((row) => {
    const cells = (row.values as unknown[]).map(String)
    rows.push([cells[1]!, cells[2]!, cells[4]!])
  })
  return rows
}

describe('a faulty accessory taken back under 三包 is owed to the brand', () => {
  let shop: RuleShop
  beforeAll(async () => {
    shop = await ruleShop(SOLD)
  })
  afterAll(() => shop.close())

  it('an exchanged charger joins the list under its slip with its serial, and goes back to the brand in a batch', async () => {
    const token = await shop.on(SOLD)
    const part = await charger(shop.app, token, null, 3, true)
    const serial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const claim = performance('charger', 'S01')
    const on = await shop.on('2026-03-01')
    const unitId = (await lookUp(shop, on, serial, claim)).unit.id
    const { remedy } = await callOk(
      shop.app,
      'warranty.exchangeAccessory',
      { unitId, claim, partId: part.id, faultySerial: 'old-chg-7' },
      on
    )

    const owed = (await callOk(shop.app, 'faultyParts.list', {}, on)).filter((item) => item.partId === part.id)
    expect(owed).toEqual([
      expect.objectContaining({
        workOrderId: null,
        workOrderNumber: null,
        accessoryRemedyId: remedy.id,
        slipNumber: remedy.number,
        partNumber: part.partNumber,
        serial: 'OLD-CHG-7',
        quantity: 1,
        status: 'awaiting',
        ageDays: 0
      })
    ])
    // HQ hears which faulty part the exchange owes, in the exchange's own change.
    const change = shop.app.sqlite
      .prepare(
        `SELECT payload_json AS payload FROM outbox WHERE entity = 'warranty_accessory_remedy' AND entity_id = ?`
      )
      .get(remedy.id) as { payload: string }
    expect(JSON.parse(change.payload)).toMatchObject({ faultyPartId: owed[0]!.id })
    expect(await exportedOwedRows(shop.app, on)).toContainEqual([remedy.number, part.partNumber, 'OLD-CHG-7'])

    // Packed, shipped and credited like a job's part.
    const batch = await callOk(shop.app, 'faultyParts.pack', { faultyPartIds: [owed[0]!.id] }, on)
    const detail = await callOk(shop.app, 'faultyParts.batch', { id: batch.id }, on)
    expect(detail.items.map((item) => item.slipNumber)).toEqual([remedy.number])
    await callOk(shop.app, 'faultyParts.ship', { batchId: batch.id, carrier: '顺丰', trackingNumber: 'SF1001' }, on)
    await callOk(shop.app, 'faultyParts.credit', { batchId: batch.id, creditReference: 'CR-88' }, on)
    const credited = await callOk(shop.app, 'faultyParts.list', { status: 'credited' }, on)
    expect(credited.map((item) => item.slipNumber)).toContain(remedy.number)
    expect((await callOk(shop.app, 'faultyParts.list', {}, on)).map((item) => item.partId)).not.toContain(part.id)
  })

  it('a refunded charger is owed too (the shop kept it); one the brand does not want back is not', async () => {
    const token = await shop.on(SOLD)
    const wanted = await charger(shop.app, token, null, 3, true)
    const unwanted = await charger(shop.app, token, null, 3, false)
    const claim = performance('charger', 'S01')
    const refundedSerial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const keptSerial = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    let refund = null
    for (const day of ['2026-03-01', '2026-04-01', '2026-05-01']) {
      const on = await shop.on(day)
      const unitId = (await lookUp(shop, on, refundedSerial, claim)).unit.id
      const input = { unitId, claim, partId: wanted.id }
      if (day < '2026-05-01') await callOk(shop.app, 'warranty.exchangeAccessory', input, on)
      else refund = (await callOk(shop.app, 'warranty.refundAccessory', { ...input, method: 'cash' }, on)).remedy
    }
    const on = await shop.on('2026-05-01')
    const keptUnit = (await lookUp(shop, on, keptSerial, claim)).unit.id
    const kept = await callOk(
      shop.app,
      'warranty.exchangeAccessory',
      { unitId: keptUnit, claim, partId: unwanted.id },
      on
    )

    const owed = await callOk(shop.app, 'faultyParts.list', {}, on)
    // Two exchanges and the refund: three faulty chargers, each under its slip (no serial scanned).
    expect(
      owed.filter((item) => item.partId === wanted.id).map((item) => [item.slipNumber !== null, item.serial])
    ).toEqual([
      [true, null],
      [true, null],
      [true, null]
    ])
    expect(owed.map((item) => item.slipNumber)).toContain(refund!.number)
    expect(owed.map((item) => item.slipNumber)).not.toContain(kept.remedy.number)
    expect(owed.map((item) => item.partId)).not.toContain(unwanted.id)
  })
})
