import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callError, callOk, closeApp } from '../helpers'
import { figureOf, MARCH, reportShop, tableOf, type ReportShop } from './fixtures'
import type { Input } from '../../../src-shared/contract'
import { reportQuerySchema } from '../../../src-shared/contract/reports'
import { runReport } from '../../../src-main/features/reports/run'
import { monthOnMonthDays } from '../../../src-main/features/reports/monthOnMonth'

let shop: ReportShop
beforeAll(async () => {
  shop = await reportShop()
})
afterAll(async () => {
  await closeApp(shop.app)
})

const run = (input: Omit<Input<'reports.run'>, 'from' | 'to'> & Partial<Input<'reports.run'>>) =>
  callOk(shop.app, 'reports.run', { ...MARCH, ...input }, shop.manager.token)

describe('turnaround', () => {
  it('states median and 90th percentile of received -> ready and -> picked up, in shop days', async () => {
    const report = await run({ report: 'turnaround' })
    // Ten phones and the laptop received on 1 March local time; the job of 28 February 23:30 local is not.
    expect(figureOf(report, 'jobs')).toBe(11)
    // Ready after 2..18 and 100 hours: median (10 + 12) / 2, p90 18 + 0.1 x (100 - 18).
    expect(figureOf(report, 'readyMedian')).toBe(11)
    expect(figureOf(report, 'readyP90')).toBe(26.2)
    // Picked up 24 hours after ready, the first eight: 26..40 hours.
    expect(figureOf(report, 'pickupMedian')).toBe(33)
    expect(figureOf(report, 'pickupP90')).toBe(38.6)
  })

  it('splits by category and technician, and draws the distribution', async () => {
    const report = await run({ report: 'turnaround' })
    expect(tableOf(report, 'byCategory')).toEqual([
      { category: 'mobile_phone', jobs: 10, readyMedian: 11, readyP90: 26.2, pickupMedian: 33, pickupP90: 38.6 },
      { category: 'laptop_computer', jobs: 1, readyMedian: null, readyP90: null, pickupMedian: null, pickupP90: null }
    ])
    expect(tableOf(report, 'byTechnician')).toEqual([
      {
        technician: shop.techB.user.displayName,
        jobs: 6,
        readyMedian: 16,
        readyP90: 67.2,
        pickupMedian: 38,
        pickupP90: 39.6
      },
      {
        technician: shop.techA.user.displayName,
        jobs: 5,
        readyMedian: 6,
        readyP90: 9.2,
        pickupMedian: 30,
        pickupP90: 33.2
      }
    ])
    const distribution = tableOf(report, 'distribution')
    expect(distribution.find((row) => row.bucket === 'lt1d')).toEqual({ bucket: 'lt1d', ready: 9, pickedUp: 0 })
    expect(distribution.find((row) => row.bucket === 'd1to2')).toEqual({ bucket: 'd1to2', ready: 0, pickedUp: 8 })
    expect(distribution.find((row) => row.bucket === 'd3to5')).toEqual({ bucket: 'd3to5', ready: 1, pickedUp: 0 })
  })

  it('filters by technician, category, brand and service type', async () => {
    expect(figureOf(await run({ report: 'turnaround', technicianId: shop.techA.user.id }), 'readyMedian')).toBe(6)
    expect(figureOf(await run({ report: 'turnaround', categoryKey: 'laptop_computer' }), 'jobs')).toBe(1)
    expect(figureOf(await run({ report: 'turnaround', brand: 'Huawei', model: 'P60' }), 'jobs')).toBe(10)
    // Jobs 6-10 are warranty repairs: ready after 12, 14, 16, 18 and 100 hours.
    expect(figureOf(await run({ report: 'turnaround', serviceType: 'warranty_repair' }), 'readyMedian')).toBe(16)
  })
})

describe('first-time fix and comebacks', () => {
  it('counts a comeback within 90 days of pick-up, not a later or cancelled one', async () => {
    const report = await run({ report: 'firstTimeFix' })
    expect(figureOf(report, 'pickedUp')).toBe(8)
    expect(figureOf(report, 'comebacks')).toBe(1)
    expect(figureOf(report, 'firstTimeFixRate')).toBe(7 / 8)
    expect(tableOf(report, 'byTechnician')).toEqual([
      { technician: shop.techA.user.displayName, pickedUp: 5, firstFixed: 4, comebacks: 1, firstTimeFixRate: 0.8 },
      { technician: shop.techB.user.displayName, pickedUp: 3, firstFixed: 3, comebacks: 0, firstTimeFixRate: 1 }
    ])
    // Fault codes are sent as codes, named from the shop's list on the reader's screen (reportCodeNames.test.ts).
    expect(report.tables.find((table) => table.key === 'byFaultCode')?.columns[0]).toEqual({
      key: 'faultCode',
      kind: 'code',
      codeList: 'fault_cause'
    })
    expect(tableOf(report, 'byFaultCode')).toEqual([
      { faultCode: 'F1', pickedUp: 5, firstFixed: 4, comebacks: 1, firstTimeFixRate: 0.8 },
      { faultCode: 'F2', pickedUp: 3, firstFixed: 3, comebacks: 0, firstTimeFixRate: 1 }
    ])
    expect(tableOf(report, 'byModel')).toEqual([
      { brand: 'Huawei', model: 'P60', pickedUp: 8, firstFixed: 7, comebacks: 1, firstTimeFixRate: 7 / 8 }
    ])
  })
})

describe('fault statistics', () => {
  it('gives the Pareto of fault codes, the rates and the month-on-month change', async () => {
    const report = await run({ report: 'faults' })
    expect(figureOf(report, 'jobs')).toBe(11)
    expect(figureOf(report, 'faults')).toBe(9)
    expect(tableOf(report, 'pareto').map((row) => [row.code, row.faults, row.cumulativeShare])).toEqual([
      ['F1', 5, 5 / 9],
      ['F2', 3, 8 / 9],
      ['F3', 1, 1]
    ])
    expect(tableOf(report, 'byModel')).toEqual([
      { brand: 'Huawei', model: 'P60', jobs: 10, faults: 9, faultRate: 0.9 },
      { brand: 'Lenovo', model: 'X1', jobs: 1, faults: 0, faultRate: 0 }
    ])
    expect(
      report.tables
        .flatMap((table) => table.columns.filter((column) => column.codeList))
        .map((c) => [c.key, c.codeList])
    ).toEqual([
      ['faultCode', 'fault_cause'],
      ['faultCode', 'fault_cause'],
      ['component', 'fault_location']
    ])
    expect(tableOf(report, 'byComponent')).toEqual([{ component: 'L1', faults: 3, share: 1 }])
    expect(tableOf(report, 'byMonth')).toEqual([{ month: '2026-03', jobs: 11, faults: 9, faultRate: 9 / 11 }])
    // February had two F1 (one at 23:30 on the 28th, local time), March five: +150 %.
    expect(tableOf(report, 'monthOnMonth')).toEqual([
      { faultCode: 'F1', previousMonth: 2, lastMonth: 5, change: 1.5 },
      { faultCode: 'F2', previousMonth: 0, lastMonth: 3, change: null },
      { faultCode: 'F3', previousMonth: 0, lastMonth: 1, change: null }
    ])
    expect(figureOf(report, 'comparedDays')).toBe('03-01～03-31')
    expect(figureOf(report, 'previousDays')).toBe('02-01～02-28')
  })

  it('compares a month under way with the same days of the month before, not all of it', async () => {
    // March to the 10th: against 1-10 February, which holds the F1 of the 10th but not that of the 28th.
    const partMonth = await run({ report: 'faults', from: '2026-03-01', to: '2026-03-10' })
    const expected = [
      { faultCode: 'F1', previousMonth: 1, lastMonth: 5, change: 4 },
      { faultCode: 'F2', previousMonth: 0, lastMonth: 3, change: null },
      { faultCode: 'F3', previousMonth: 0, lastMonth: 1, change: null }
    ]
    expect(tableOf(partMonth, 'monthOnMonth')).toEqual(expected)
    expect(figureOf(partMonth, 'comparedDays')).toBe('03-01～03-10')
    expect(figureOf(partMonth, 'previousDays')).toBe('02-01～02-10')
    // All of March asked for on the 10th (the 本月 button): the days to come are not compared either.
    const onTheTenth = await runReport(
      shop.app.db,
      reportQuerySchema.parse({ report: 'faults', ...MARCH }),
      false,
      new Date('2026-03-10T04:00:00.000Z')
    )
    expect(tableOf(onTheTenth, 'monthOnMonth')).toEqual(expected)
    expect(figureOf(onTheTenth, 'previousDays')).toBe('02-01～02-10')
  })

  it('takes the same days, a month that is over whole, and a day the month before lacks to its end', () => {
    const days = (to: string, today: string) => {
      const { current, previous } = monthOnMonthDays(to, today)
      return [`${current.from}..${current.to}`, `${previous.from}..${previous.to}`]
    }
    expect(days('2026-12-31', '2026-12-07')).toEqual(['2026-12-01..2026-12-07', '2026-11-01..2026-11-07'])
    expect(days('2026-12-15', '2027-01-20')).toEqual(['2026-12-01..2026-12-15', '2026-11-01..2026-11-15'])
    expect(days('2026-03-31', '2026-05-01')).toEqual(['2026-03-01..2026-03-31', '2026-02-01..2026-02-28'])
    expect(days('2026-03-30', '2026-05-01')).toEqual(['2026-03-01..2026-03-30', '2026-02-01..2026-02-28'])
    expect(days('2026-02-28', '2026-05-01')).toEqual(['2026-02-01..2026-02-28', '2026-01-01..2026-01-31'])
    expect(days('2027-01-31', '2027-01-01')).toEqual(['2027-01-01..2027-01-01', '2026-12-01..2026-12-01'])
    // A month still to come: its days as asked.
    expect(days('2027-02-10', '2026-12-07')).toEqual(['2027-02-01..2027-02-10', '2027-01-01..2027-01-10'])
  })
})

describe('technician output', () => {
  it('counts jobs finished in the range, labour, comebacks and average turnaround', async () => {
    const report = await run({ report: 'technicians' })
    // The job received on 28 February 23:30 became ready on 1 March 00:30: finished in March.
    expect(figureOf(report, 'finished')).toBe(11)
    expect(figureOf(report, 'labourFen')).toBe(18_000)
    expect(tableOf(report, 'byTechnician')).toEqual([
      { technician: shop.techA.user.displayName, finished: 5, labourFen: 8_000, comebacks: 1, averageTurnaround: 6 },
      { technician: shop.techB.user.displayName, finished: 5, labourFen: 10_000, comebacks: 0, averageTurnaround: 32 },
      { technician: null, finished: 1, labourFen: 0, comebacks: 0, averageTurnaround: 1 }
    ])
    // (30 + 160 + 1) hours over 11 jobs.
    expect(figureOf(report, 'averageTurnaround')).toBe(17.4)
  })
})

describe('takings', () => {
  it('sums by week and method, with refunds and the claims raised on the brand', async () => {
    const report = await run({ report: 'takings', grain: 'week' })
    expect(figureOf(report, 'received')).toBe(35_000)
    expect(figureOf(report, 'refunded')).toBe(3_000)
    expect(figureOf(report, 'net')).toBe(32_000)
    expect(figureOf(report, 'claims')).toBe(23_000)
    // Only the weeks with money in them; the quiet ones are on the axis as zeros.
    const byPeriod = tableOf(report, 'byPeriod')
    expect(byPeriod.map((row) => row.period)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30'
    ])
    expect(byPeriod.filter((row) => row.received !== 0 || row.refunded !== 0 || row.claims !== 0)).toEqual([
      {
        period: '2026-03-02',
        cash: 10_000,
        bank_card: 0,
        wechat_pay: 20_000,
        alipay: 5_000,
        bank_transfer: 0,
        received: 35_000,
        refunded: 0,
        net: 35_000,
        claims: 23_000
      },
      {
        period: '2026-03-09',
        cash: 0,
        bank_card: 0,
        wechat_pay: 0,
        alipay: 0,
        bank_transfer: 0,
        received: 0,
        refunded: 3_000,
        net: -3_000,
        claims: 0
      }
    ])
    expect(tableOf(report, 'byMethod').find((row) => row.method === 'cash')).toEqual({
      method: 'cash',
      received: 10_000,
      refunded: 3_000,
      net: 7_000
    })
  })

  it('groups by shop day and by month, every day of the range on the axis', async () => {
    const days = tableOf(await run({ report: 'takings', grain: 'day' }), 'byPeriod')
    expect(days.map((row) => row.period)).toEqual(
      Array.from({ length: 31 }, (_, index) => `2026-03-${String(index + 1).padStart(2, '0')}`)
    )
    expect(
      days.filter((row) => row.received !== 0 || row.refunded !== 0 || row.claims !== 0).map((row) => row.period)
    ).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-10'])
    expect(days[0]).toMatchObject({ period: '2026-03-01', received: 0, refunded: 0, net: 0, claims: 0 })
    const months = await run({ report: 'takings', grain: 'month', to: '2026-04-30' })
    expect(tableOf(months, 'byPeriod').map((row) => [row.period, row.received])).toEqual([
      ['2026-03', 35_000],
      ['2026-04', 99_900]
    ])
  })
})

describe('parts and claims', () => {
  it('gives parts consumption and margin by part and category, net of returns', async () => {
    const report = await run({ report: 'parts' })
    expect(tableOf(report, 'byCategory')).toEqual([
      {
        category: 'mobile_phone',
        quantity: 2,
        revenueFen: 38_000,
        costFen: 25_000,
        marginFen: 13_000,
        marginRate: 13 / 38
      },
      {
        category: 'laptop_computer',
        quantity: 1,
        revenueFen: 30_000,
        costFen: 20_000,
        marginFen: 10_000,
        marginRate: 1 / 3
      }
    ])
    expect(tableOf(report, 'byPart').map((row) => [row.partNumber, row.quantity, row.revenueFen, row.costFen])).toEqual(
      [
        ['P1', 2, 60_000, 40_000],
        ['P2', 1, 8_000, 5_000]
      ]
    )
    expect(figureOf(report, 'marginFen')).toBe(23_000)
  })

  it('gives warranty claims value by brand and status', async () => {
    const report = await run({ report: 'claims' })
    expect(tableOf(report, 'byBrand')).toEqual([
      {
        brand: 'Huawei',
        open: 8_000,
        submitted: 0,
        paid: 12_000,
        rejected: 0,
        brandPaidFen: 12_000,
        amountFen: 20_000
      },
      { brand: 'Lenovo', open: 0, submitted: 3_000, paid: 0, rejected: 0, brandPaidFen: 0, amountFen: 3_000 }
    ])
    expect(figureOf(report, 'outstandingFen')).toBe(11_000)
    expect(figureOf(report, 'paidFen')).toBe(12_000)
    // Settled with no amount recorded (written straight as paid): paid in full, as claimed.
    expect([figureOf(report, 'brandPaidFen'), figureOf(report, 'shortfallFen')]).toEqual([12_000, 0])
  })
})

describe('access and input', () => {
  it('is for managers and admins only', async () => {
    const error = await callError(shop.app, 'reports.run', { report: 'turnaround', ...MARCH }, shop.frontDesk.token)
    expect(error.code).toBe('FORBIDDEN')
    await callOk(shop.app, 'reports.run', { report: 'turnaround', ...MARCH }, shop.adminToken)
  })

  it('refuses a range that ends before it starts', async () => {
    const error = await callError(
      shop.app,
      'reports.run',
      { report: 'turnaround', from: '2026-03-31', to: '2026-03-01' },
      shop.manager.token
    )
    expect(error.code).toBe('VALIDATION')
  })
})
