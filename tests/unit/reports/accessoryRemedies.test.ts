import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input } from '../../../src-shared/contract'
import { reportQuerySchema } from '../../../src-shared/contract/reports'
import { runReport } from '../../../src-main/features/reports/run'
import { accessoryRemedyMonths } from '../../../src-main/features/reports/summaries/accessoryRemedies'
import { callOk } from '../helpers'
import { charger } from '../warranty/accessoryFixtures'
import { lookUp, performance, ruleShop, sell, type RuleShop } from '../warranty/rules/fixtures'
import { figureOf } from './fixtures'

/**
 * 三包 accessory remedies at the counter, in the reports. Chargers are received at ¥60.00; one more
 * at ¥90.00 after the first exchange moves their average cost. A phone's charger is exchanged on
 * 1 March and 1 April and refunded on 1 May at its price; another phone's charger is exchanged on
 * 15 April. Each exchange costs what its new charger left stock at; the refund is money out of the
 * till, counted among the takings' refunds and shown, not added again, in the 三包 report.
 */
const SOLD = '2026-01-31'
const FIRST_COST = 6_000
const LATER_COST = 9_000

type ReportInput = Input<'reports.run'>

describe('三包 accessory exchanges and refunds in the reports', () => {
  let shop: RuleShop
  let token: string
  let priceFen: number
  /** Average cost after the ¥90 charger joined the two left on the shelf after the first exchange. */
  const averageAfterRestock = (2 * FIRST_COST + LATER_COST) / 3

  beforeAll(async () => {
    shop = await ruleShop(SOLD)
    token = await shop.on(SOLD)
    const part = await charger(shop.app, token, null, 3, true)
    priceFen = part.sellingPriceFen
    const first = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const second = await sell(shop, token, { category: 'mobile_phone', purchaseDate: SOLD })
    const claim = performance('charger', 'S01')
    const remedy = async (day: string, serial: string, refund = false) => {
      const on = await shop.on(day)
      const input = { unitId: (await lookUp(shop, on, serial, claim)).unit.id, claim, partId: part.id }
      if (refund) await callOk(shop.app, 'warranty.refundAccessory', { ...input, method: 'cash' }, on)
      else await callOk(shop.app, 'warranty.exchangeAccessory', input, on)
      return on
    }
    const on = await remedy('2026-03-01', first)
    await callOk(
      shop.app,
      'parts.receive',
      { reference: 'PO-CHG-2', lines: [{ partId: part.id, quantity: 1, unitCostFen: LATER_COST }] },
      on
    )
    await remedy('2026-04-01', first)
    await remedy('2026-04-15', second)
    token = await remedy('2026-05-01', first, true)
  })
  afterAll(() => shop.close())

  const run = (input: Partial<ReportInput> & Pick<ReportInput, 'report' | 'from' | 'to'>) =>
    callOk(shop.app, 'reports.run', input, token)
  const remedyFigures = (report: { figures: { key: string; value: unknown }[] }) =>
    Object.fromEntries(
      ['accessoryExchanges', 'accessoryCostFen', 'accessoryRefunds', 'accessoryRefundFen'].map((key) => [
        key,
        figureOf(report, key)
      ])
    )

  it('the 三包 report counts each kind with the exchanges at cost and the refund paid, as its facts say', async () => {
    const months = { report: 'claims', from: '2026-03-01', to: '2026-05-31' } as const
    const report = await run(months)
    expect(remedyFigures(report)).toEqual({
      accessoryExchanges: 3,
      accessoryCostFen: FIRST_COST + 2 * averageAfterRestock,
      accessoryRefunds: 1,
      accessoryRefundFen: priceFen
    })
    // The whole months read from the monthly sums say what the remedies themselves say.
    expect(await runReport(shop.app.db, reportQuerySchema.parse(months), true)).toEqual(report)
    // Days around whole months: mid-April from the remedies, May from the sums.
    expect(remedyFigures(await run({ report: 'claims', from: '2026-04-10', to: '2026-05-31' }))).toEqual({
      accessoryExchanges: 1,
      accessoryCostFen: averageAfterRestock,
      accessoryRefunds: 1,
      accessoryRefundFen: priceFen
    })
  })

  it('the parts report shows the exchanged accessories apart from the jobs’ parts', async () => {
    const report = await run({ report: 'parts', from: '2026-03-01', to: '2026-05-31' })
    expect(figureOf(report, 'accessoryExchanges')).toBe(3)
    expect(figureOf(report, 'accessoryCostFen')).toBe(FIRST_COST + 2 * averageAfterRestock)
    expect(figureOf(report, 'quantity')).toBe(0)
    expect(figureOf(report, 'costFen')).toBe(0)
  })

  it('the refund is among the takings’ refunds once', async () => {
    const report = await run({ report: 'takings', from: '2026-03-01', to: '2026-05-31' })
    expect(figureOf(report, 'refunded')).toBe(priceFen)
    expect(figureOf(report, 'net')).toBe(-priceFen)
  })

  it('a unit’s brand filters them in; a technician, who has no part in them, filters them out', async () => {
    const all = remedyFigures(await run({ report: 'claims', from: '2026-03-01', to: '2026-05-31' }))
    expect(remedyFigures(await run({ report: 'claims', from: '2026-03-01', to: '2026-05-31', brand: '华为' }))).toEqual(
      all
    )
    const none = { accessoryExchanges: 0, accessoryCostFen: 0, accessoryRefunds: 0, accessoryRefundFen: 0 }
    expect(remedyFigures(await run({ report: 'claims', from: '2026-03-01', to: '2026-05-31', brand: '联想' }))).toEqual(
      none
    )
    const users = await callOk(shop.app, 'users.list', {}, token)
    const technicianId = users.rows[0]!.id
    expect(remedyFigures(await run({ report: 'claims', from: '2026-03-01', to: '2026-05-31', technicianId }))).toEqual(
      none
    )
  })

  it('a shop upgraded with remedies already given finds the same monthly sums', async () => {
    const sums = () => shop.app.sqlite.prepare('SELECT * FROM report_accessory_remedy_months ORDER BY 1, 2').all()
    const kept = sums()
    // March's and April's exchanges, May's refund.
    expect(kept.map((row) => Object.values(row as object).slice(0, 2))).toEqual([
      ['2026-03', 'exchange'],
      ['2026-04', 'exchange'],
      ['2026-05', 'refund']
    ])
    shop.app.sqlite.prepare('DELETE FROM report_accessory_remedy_months').run()
    const backfill = accessoryRemedyMonths.statements.filter((text) => text.startsWith('INSERT'))
    expect(backfill).toHaveLength(1)
    shop.app.sqlite.prepare(backfill[0]!).run()
    expect(sums()).toEqual(kept)
  })
})
