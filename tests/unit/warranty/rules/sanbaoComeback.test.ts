import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { comebackCover } from '../../../../src-shared/domain/comeback'
import { addDays, addMonths } from '../../../../src-shared/domain/warranty/policy'
import { callOk } from '../../helpers'
import { ruleShop, sell, warrantyRepairs, type RuleShop } from './fixtures'

/**
 * A unit repaired under 三包 comes back with the fault. While the unit's 三包 period runs (extended
 * by the days it spent in the shop: 三包有效期…扣除因修理占用、无零配件待修延误的时间) it is the brand's
 * again. After it, the brand owes nothing: what is left is the repairer's own guarantee on its
 * repair (《移动电话机…》: 修理者应当保证修理后的移动电话机商品能够正常使用30日以上; the same
 * guarantee is applied to every category, the other rules' wording not confirmed), which the shop bears, or the shop's own repair-warranty days when it
 * gives longer; after that, a paid repair.
 */
const GUARANTEE = '修理者应当保证修理后的…商品能够正常使用30日以上'
const PERIOD = '三包有效期 (扣除修理占用时间)'

describe('what a comeback of a 三包 repair opens as (the rule itself)', () => {
  const sanbao = { serviceType: 'warranty_repair' as const, pickedUpOn: '2026-06-10', didWork: true }

  it(`while the brand’s 三包 covers the fault: the brand’s warranty again — ${PERIOD}`, () => {
    expect(comebackCover({ ...sanbao, brandCovers: true }, '2027-06-01', 90)).toEqual({
      serviceType: 'warranty_repair',
      shopWarrantyEnd: null
    })
  })

  it(`after the brand’s 三包: the repairer’s 30 days from the pick-up, then paid — ${GUARANTEE}`, () => {
    const over = { ...sanbao, brandCovers: false }
    expect(comebackCover(over, '2026-07-10', 0)).toEqual({
      serviceType: 'shop_warranty_repair',
      shopWarrantyEnd: '2026-07-10'
    })
    expect(comebackCover(over, '2026-07-11', 0)).toEqual({
      serviceType: 'paid_repair',
      shopWarrantyEnd: '2026-07-10'
    })
    // A shop that gives longer on its own work gives as long on its 三包 repairs.
    expect(comebackCover(over, '2026-09-08', 90).serviceType).toBe('shop_warranty_repair')
    expect(comebackCover(over, '2026-09-09', 90).serviceType).toBe('paid_repair')
  })
})

describe('a comeback of a 三包 repair through workOrders.reopen', () => {
  const SOLD = '2026-01-31'
  // 12 months and the 2 days of the repair below: the phone's 三包 ends 2027-02-02.
  const unitEnd = addDays(addMonths(SOLD, 12), 2)
  let shop: RuleShop
  beforeAll(async () => {
    shop = await ruleShop(SOLD)
  })
  afterAll(() => shop.close())

  /** A phone sold on SOLD, repaired under 三包 from `received` to `returned`: the job's id. */
  async function repairedPhone(received: string, returned: string): Promise<string> {
    const serial = await sell(shop, await shop.on(SOLD), { category: 'mobile_phone', purchaseDate: SOLD })
    await warrantyRepairs(shop, [{ serial, location: null }], 'S01', received, returned)
    const jobs = await callOk(shop.app, 'workOrders.list', { search: serial }, await shop.on(returned))
    return jobs.rows[0]!.id
  }

  async function reopenOn(day: string, id: string) {
    const token = await shop.on(day)
    const { workOrder } = await callOk(shop.app, 'workOrders.reopen', { id, reason: '同样的故障又出现了' }, token)
    return workOrder.serviceType
  }

  it(`inside the unit’s 三包, extended by the repair’s days: the brand’s — ${PERIOD}`, async () => {
    const id = await repairedPhone('2027-01-20', '2027-01-22')
    expect(await reopenOn(unitEnd, id)).toBe('warranty_repair')
  })

  it(`the 三包 over, within the repairer’s days from the pick-up: the shop’s, never claimed from the brand — ${GUARANTEE}`, async () => {
    const id = await repairedPhone('2027-01-20', '2027-01-22')
    expect(await reopenOn(addDays(unitEnd, 1), id)).toBe('shop_warranty_repair')
  })

  it(`the slip of a 三包 repair guarantees the regulation’s 30 days even where the shop gives fewer — ${GUARANTEE}`, async () => {
    const id = await repairedPhone('2026-03-01', '2026-03-03')
    const token = await shop.on('2026-03-03')
    const settings = await callOk(shop.app, 'settings.get', {}, token)
    await callOk(shop.app, 'settings.update', { ...settings, repairWarrantyDays: 7 }, token)
    const slip = await callOk(shop.app, 'printing.workOrderDocument', { workOrderId: id }, token)
    expect(slip.repairWarranty).toEqual({ days: 30, startsOn: '2026-03-03', endsOn: '2026-04-02' })
    await callOk(shop.app, 'settings.update', settings, token)
  })

  it('a unit sold before any policy was in force: its job still opens, and its comeback stays the brand’s', async () => {
    const serial = await sell(shop, await shop.on(SOLD), { category: 'mobile_phone', purchaseDate: SOLD })
    // As the registry from HQ may bring it: sold before the seeded policies' first day (2000-01-01),
    // so no version is in force for it (registering it at the counter is refused for that reason).
    shop.app.sqlite.prepare(`UPDATE warranty_units SET purchase_date = '1999-06-01' WHERE serial = ?`).run(serial)
    await warrantyRepairs(shop, [{ serial, location: null }], 'S01', '2026-03-01', '2026-03-03')
    const token = await shop.on('2026-03-10')
    const id = (await callOk(shop.app, 'workOrders.list', { search: serial }, token)).rows[0]!.id
    expect((await callOk(shop.app, 'workOrders.get', { id }, token)).id).toBe(id)
    expect(await reopenOn('2026-03-10', id)).toBe('warranty_repair')
  })

  it(`long after: a paid repair, not the brand’s however late — ${PERIOD}; ${GUARANTEE}`, async () => {
    const id = await repairedPhone('2026-03-01', '2026-03-03')
    expect(await reopenOn('2027-06-01', id)).toBe('paid_repair')
  })
})
