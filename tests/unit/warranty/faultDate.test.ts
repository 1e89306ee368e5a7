import { describe, expect, it } from 'vitest'
import type { Input } from '../../../src-shared/contract'
import type { Verdict } from '../../../src-shared/domain/warranty/verdict'
import { callError, callOk, freshShopPerTest, testClock } from '../helpers'
import { at, checkIn, found, moveTo, unitOf } from './jobFixtures'

type Category = Input<'warranty.register'>['categoryKey']

interface FaultDateRow {
  article: string
  category: Category
  purchaseDate: string
  today: string
  faultDate: string
  verdict: Verdict
}

/*
 * The verdict is judged on the day the fault appeared (warranty.lookup with claim.faultDate),
 * on both sides of the last day of each period. Periods end per 民法典 第201、202条 (the start
 * day not counted; a month period ends on the same day of the last month, or its last day).
 */
const ROWS: FaultDateRow[] = [
  // 2001 (phones) art. 11: within 7 days a refund; art. 12: days 8 to 15 an exchange.
  {
    article: '2001 art. 11, last day of 7 (from a month end)',
    category: 'mobile_phone',
    purchaseDate: '2026-01-31',
    today: '2026-03-10',
    faultDate: '2026-02-07',
    verdict: 'refund'
  },
  {
    article: '2001 art. 12, day 8',
    category: 'mobile_phone',
    purchaseDate: '2026-01-31',
    today: '2026-03-10',
    faultDate: '2026-02-08',
    verdict: 'exchange'
  },
  {
    article: '2001 art. 12, last day of 15',
    category: 'mobile_phone',
    purchaseDate: '2026-01-31',
    today: '2026-03-10',
    faultDate: '2026-02-15',
    verdict: 'exchange'
  },
  {
    article: '2001 art. 12, day 16: repair only',
    category: 'mobile_phone',
    purchaseDate: '2026-01-31',
    today: '2026-03-10',
    faultDate: '2026-02-16',
    verdict: 'free_repair'
  },
  // 2001 annex: the phone's main unit 1 year.
  {
    article: '2001 annex, last day of the 1-year period',
    category: 'mobile_phone',
    purchaseDate: '2026-01-31',
    today: '2027-03-10',
    faultDate: '2027-01-31',
    verdict: 'free_repair'
  },
  {
    article: '2001 annex, the day after the 1-year period',
    category: 'mobile_phone',
    purchaseDate: '2026-01-31',
    today: '2027-03-10',
    faultDate: '2027-02-01',
    verdict: 'paid_repair'
  },
  // 2002 (computers) art. 11 and 12: 7 and 15 days.
  {
    article: '2002 art. 11, last day of 7',
    category: 'computer',
    purchaseDate: '2026-02-22',
    today: '2026-04-01',
    faultDate: '2026-03-01',
    verdict: 'refund'
  },
  {
    article: '2002 art. 12, day 8',
    category: 'computer',
    purchaseDate: '2026-02-22',
    today: '2026-04-01',
    faultDate: '2026-03-02',
    verdict: 'exchange'
  },
  // 1995 art. 9 and 10: 7 and 15 days; annex: the whole unit 1 year (leap day start).
  {
    article: '1995 art. 10, last day of 15 (TV)',
    category: 'tv',
    purchaseDate: '2024-02-29',
    today: '2024-05-01',
    faultDate: '2024-03-15',
    verdict: 'exchange'
  },
  {
    article: '1995 art. 10, day 16 (TV)',
    category: 'tv',
    purchaseDate: '2024-02-29',
    today: '2024-05-01',
    faultDate: '2024-03-16',
    verdict: 'free_repair'
  },
  {
    article: '1995 annex, last day of 1 year from 29 Feb (TV)',
    category: 'tv',
    purchaseDate: '2024-02-29',
    today: '2025-04-01',
    faultDate: '2025-02-28',
    verdict: 'free_repair'
  },
  {
    article: '1995 annex, the day after (TV)',
    category: 'tv',
    purchaseDate: '2024-02-29',
    today: '2025-04-01',
    faultDate: '2025-03-01',
    verdict: 'paid_repair'
  },
  {
    article: '1995 art. 9, last day of 7 (refrigerator)',
    category: 'refrigerator',
    purchaseDate: '2026-12-25',
    today: '2027-01-20',
    faultDate: '2027-01-01',
    verdict: 'refund'
  },
  {
    article: '1995 art. 9, day 8 (washing machine)',
    category: 'washing_machine',
    purchaseDate: '2026-12-25',
    today: '2027-01-20',
    faultDate: '2027-01-02',
    verdict: 'exchange'
  },
  {
    article: '1995 annex, last day of 1 year (air conditioner)',
    category: 'air_conditioner',
    purchaseDate: '2025-08-31',
    today: '2026-10-01',
    faultDate: '2026-08-31',
    verdict: 'free_repair'
  },
  {
    article: '1995 annex, the day after (air conditioner)',
    category: 'air_conditioner',
    purchaseDate: '2025-08-31',
    today: '2026-10-01',
    faultDate: '2026-09-01',
    verdict: 'paid_repair'
  }
]

describe('the fault date: the verdict is judged on the day the fault appeared (warranty.lookup)', () => {
  const shop = freshShopPerTest()

  it.each(ROWS)('$article', async (row) => {
    const { app, adminToken } = await shop(testClock(at(row.today)))
    await callOk(app, 'warranty.register', unitOf('SN-FD-1', row.category, row.purchaseDate), adminToken)
    const claim = { kind: 'performance' as const, component: null, faultCode: null, faultDate: row.faultDate }
    const verdict = found(await callOk(app, 'warranty.lookup', { query: 'SN-FD-1', claim }, adminToken))
    expect(verdict.evaluation.verdict).toBe(row.verdict)
    expect(verdict.evaluation.judgedOn).toBe(row.faultDate)
    expect(verdict.evaluation.reasons).toContainEqual({
      key: 'warranty.reason.faultDate',
      params: { faultDate: row.faultDate, today: row.today }
    })
    // Without the fault date the same unit is judged on today.
    const today = found(await callOk(app, 'warranty.lookup', { query: 'SN-FD-1' }, adminToken))
    expect(today.evaluation.judgedOn).toBe(row.today)
  })

  it('a fault date in the future or before the purchase is refused with its own message', async () => {
    const { app, adminToken } = await shop(testClock(at('2026-03-10')))
    await callOk(app, 'warranty.register', unitOf('SN-FD-2', 'mobile_phone', '2026-01-31'), adminToken)
    const claim = (faultDate: string) => ({ kind: 'performance' as const, component: null, faultCode: null, faultDate })
    expect(
      await callError(app, 'warranty.lookup', { query: 'SN-FD-2', claim: claim('2026-03-11') }, adminToken)
    ).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.faultDateInFuture'
    })
    expect(
      await callError(app, 'warranty.lookup', { query: 'SN-FD-2', claim: claim('2026-01-30') }, adminToken)
    ).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.faultDateBeforePurchase',
      // The message under the field names the date too.
      details: {
        purchaseDate: '2026-01-31',
        fields: [
          {
            path: 'claim.faultDate',
            messageKey: 'errors.faultDateBeforePurchase',
            params: { purchaseDate: '2026-01-31' }
          }
        ]
      }
    })
    // The day of purchase and today are both allowed.
    for (const day of ['2026-01-31', '2026-03-10'])
      expect((await callOk(app, 'warranty.lookup', { query: 'SN-FD-2', claim: claim(day) }, adminToken)).kind).toBe(
        'found'
      )
  })

  it('a unit received in an exchange cannot have failed before the exchange: its fault date is refused, at the lookup and at check-in', async () => {
    // Sold 2026-03-01, exchanged 2026-03-05 (inside the refund window): a fault "on 2026-03-03"
    // of the new unit was judged a refund although the customer did not have that unit yet.
    const clock = testClock(at('2026-03-05'))
    const { app, adminToken } = await shop(clock)
    const sold = await callOk(app, 'warranty.register', unitOf('SN-FD-X1', 'mobile_phone', '2026-03-01'), adminToken)
    await callOk(app, 'warranty.exchange', { unitId: sold.unit.id, newSerial: 'SN-FD-X2' }, adminToken)
    const token = await moveTo(app, clock, '2026-03-10')
    const claim = (faultDate: string) => ({ kind: 'performance' as const, component: null, faultCode: null, faultDate })
    expect(
      await callError(app, 'warranty.lookup', { query: 'SN-FD-X2', claim: claim('2026-03-03') }, token)
    ).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.faultDateBeforeExchange',
      details: {
        exchangedOn: '2026-03-05',
        fields: [
          {
            path: 'claim.faultDate',
            messageKey: 'errors.faultDateBeforeExchange',
            params: { exchangedOn: '2026-03-05' }
          }
        ]
      }
    })
    // The exchange day itself is the new unit's first day: judged from the sale's windows.
    const onTheDay = found(
      await callOk(app, 'warranty.lookup', { query: 'SN-FD-X2', claim: claim('2026-03-05') }, token)
    )
    expect(onTheDay.evaluation.verdict).toBe('refund')
    const early = await callError(app, 'workOrders.create', checkInInput('SN-FD-X2', '2026-03-04'), token)
    expect(early).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.faultDateBeforeExchange',
      details: { fields: [{ path: 'faultDate', messageKey: 'errors.faultDateBeforeExchange' }] }
    })
    expect((await checkIn(app, token, 'SN-FD-X2', '2026-03-05')).workOrder.faultDate).toBe('2026-03-05')
  })

  it('check-in records the fault date (today by default), never in the future nor before the purchase', async () => {
    const { app, adminToken } = await shop(testClock(at('2026-03-10')))
    await callOk(app, 'warranty.register', unitOf('SN-FD-3', 'mobile_phone', '2026-01-31'), adminToken)
    const byDefault = await checkIn(app, adminToken, 'SN-FD-0')
    expect(byDefault.workOrder.faultDate).toBe('2026-03-10')
    const given = await checkIn(app, adminToken, 'SN-FD-4', '2026-03-01')
    expect(given.workOrder.faultDate).toBe('2026-03-01')
    const future = await callError(app, 'workOrders.create', checkInInput('SN-FD-5', '2026-03-11'), adminToken)
    expect(future).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.faultDateInFuture',
      details: { fields: [{ path: 'faultDate', messageKey: 'errors.faultDateInFuture' }] }
    })
    // Before the registered unit's purchase date.
    const early = await callError(app, 'workOrders.create', checkInInput('SN-FD-3', '2026-01-30'), adminToken)
    expect(early).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.faultDateBeforePurchase',
      details: { fields: [{ path: 'faultDate', params: { purchaseDate: expect.stringMatching(/^2026-/) } }] }
    })
  })
})

function checkInInput(serial: string, faultDate: string) {
  return {
    customer: { kind: 'new', fields: { name: '王五', mobile: '' } },
    device: { kind: 'new', fields: { brand: '测试', model: 'X', serial } },
    serviceType: 'warranty_repair',
    intakeChannel: 'walk_in',
    reportedFault: '不开机',
    condition: { scratches: false, cracks: false, liquidMarks: false },
    accessories: { items: [] },
    passcode: { consent: false },
    faultDate
  }
}
