import { describe, expect, it } from 'vitest'
import type { Input } from '../../../src-shared/contract'
import type { WaitingCause } from '../../../src-shared/domain/warranty/waiting'
import { callError, callOk, freshShopPerTest, testClock } from '../helpers'
import { at, checkIn, found, moveTo, unitOf } from './jobFixtures'

type Category = Input<'warranty.register'>['categoryKey']

interface WaitingRow {
  article: string
  category: Category
  cause: WaitingCause
  purchaseDate: string
  broughtIn: string
  since: string
  /** the last day still inside the limit (day N after the day brought in, 民法典 第201条) */
  lastDayInside: string
  /** the first day the customer may have an exchange */
  entitledOn: string
  /** the day before lastDayInside (day N-1) */
  dayBefore: string
}

/*
 * Each row: a unit in a warranty repair that waits, judged through warranty.lookup on day N-1 and
 * day N after the day it was brought in (still a free repair) and on day N+1 (an exchange). The
 * regulations count 自送修之日起超过 N 日: more than N days after the day brought in, that day not
 * counted (民法典 第201条).
 */
const ROWS: WaitingRow[] = [
  {
    article: '1995 art. 12: no parts for 90 days (TV), across a month end',
    category: 'tv',
    cause: 'parts_not_supplied',
    purchaseDate: '2025-12-01',
    broughtIn: '2026-03-02',
    since: '2026-03-05',
    dayBefore: '2026-05-30',
    lastDayInside: '2026-05-31',
    entitledOn: '2026-06-01'
  },
  {
    article: '1995 art. 12: no parts for 90 days (refrigerator)',
    category: 'refrigerator',
    cause: 'parts_not_supplied',
    purchaseDate: '2025-11-15',
    broughtIn: '2026-01-10',
    since: '2026-01-10',
    dayBefore: '2026-04-09',
    lastDayInside: '2026-04-10',
    entitledOn: '2026-04-11'
  },
  {
    article: '1995 art. 12: no parts for 90 days (washing machine)',
    category: 'washing_machine',
    cause: 'parts_not_supplied',
    purchaseDate: '2025-11-15',
    broughtIn: '2026-02-28',
    since: '2026-03-01',
    dayBefore: '2026-05-28',
    lastDayInside: '2026-05-29',
    entitledOn: '2026-05-30'
  },
  {
    article: '1995 art. 12: the repairer’s own delay over 30 days (air conditioner), from a month end',
    category: 'air_conditioner',
    cause: 'repairer_delay',
    purchaseDate: '2025-12-01',
    broughtIn: '2026-01-31',
    since: '2026-02-02',
    dayBefore: '2026-03-01',
    lastDayInside: '2026-03-02',
    entitledOn: '2026-03-03'
  },
  {
    article: '2001 (phones) art. 16: no parts for 60 days',
    category: 'mobile_phone',
    cause: 'parts_not_supplied',
    purchaseDate: '2026-01-10',
    broughtIn: '2026-03-02',
    since: '2026-03-03',
    dayBefore: '2026-04-30',
    lastDayInside: '2026-05-01',
    entitledOn: '2026-05-02'
  },
  {
    article: '2001 (phones) art. 17: the repairer’s own delay over 30 days',
    category: 'mobile_phone',
    cause: 'repairer_delay',
    purchaseDate: '2026-01-10',
    broughtIn: '2026-03-31',
    since: '2026-04-01',
    dayBefore: '2026-04-29',
    lastDayInside: '2026-04-30',
    entitledOn: '2026-05-01'
  },
  {
    article: '2002 (computers) art. 23: the repairer’s own delay over 30 days',
    category: 'computer',
    cause: 'repairer_delay',
    purchaseDate: '2026-01-10',
    broughtIn: '2026-02-27',
    since: '2026-02-27',
    dayBefore: '2026-03-28',
    lastDayInside: '2026-03-29',
    entitledOn: '2026-03-30'
  }
]

describe('waiting too long in a warranty repair entitles the customer to an exchange (warranty.lookup)', () => {
  const shop = freshShopPerTest()

  it.each(ROWS)('$article', async (row) => {
    const clock = testClock(at(row.broughtIn))
    const { app, adminToken } = await shop(clock)
    const serial = `SN-${row.category.slice(0, 5)}-${row.cause.slice(0, 5)}`.toUpperCase().replaceAll('_', '-')
    await callOk(app, 'warranty.register', unitOf(serial, row.category, row.purchaseDate), adminToken)
    const { workOrder } = await checkIn(app, adminToken, serial)
    let token = await moveTo(app, clock, row.since)
    await callOk(
      app,
      'workOrders.setWaiting',
      { id: workOrder.id, waiting: { cause: row.cause, since: row.since } },
      token
    )

    for (const day of [row.dayBefore, row.lastDayInside]) {
      token = await moveTo(app, clock, day)
      const before = found(await callOk(app, 'warranty.lookup', { query: serial }, token))
      expect({ day, verdict: before.evaluation.verdict }).toEqual({ day, verdict: 'free_repair' })
      expect(before.evaluation.waiting).toMatchObject({
        cause: row.cause,
        since: row.since,
        entitledOn: row.entitledOn
      })
      expect(
        before.evaluation.reasons.find((r) => r.key === 'warranty.reason.waitingLimitAhead')?.params
      ).toMatchObject({ entitledOn: row.entitledOn, broughtIn: row.broughtIn, since: row.since })
    }

    token = await moveTo(app, clock, row.entitledOn)
    const after = found(await callOk(app, 'warranty.lookup', { query: serial }, token))
    // The 1995 goods: the customer may take a refund instead (《部分商品…》第十三条).
    const goods1995 = ['tv', 'refrigerator', 'washing_machine', 'air_conditioner'].includes(row.category)
    expect(after.evaluation.verdict).toBe(goods1995 ? 'exchange_or_refund' : 'exchange')
    expect(after.evaluation.remedyRule).toBe('waiting_limit')
    expect(after.evaluation.reasons.find((r) => r.key === 'warranty.reason.waitingLimitReached')?.params).toMatchObject(
      { entitledOn: row.entitledOn }
    )
    // The job screen and the board show the same day.
    const job = await callOk(app, 'workOrders.get', { id: workOrder.id }, token)
    expect(job.waiting).toMatchObject({ cause: row.cause, since: row.since, entitledOn: row.entitledOn })
    const board = await callOk(app, 'workOrders.board', {}, token)
    const card = board.flatMap((column) => column.cards).find((c) => c.id === workOrder.id)
    expect(card?.waiting?.entitledOn).toBe(row.entitledOn)
    // What the lookup offers, the exchange accepts, and it keeps the rule.
    const exchanged = await callOk(
      app,
      'warranty.exchange',
      { unitId: after.unit.id, newSerial: `${serial}-NEW` },
      token
    )
    expect(exchanged.unit.exchangeRule).toBe('waiting_limit')
  })

  it('2002 (computers) art. 8: no parts gives no exchange, however long; the days only extend the period', async () => {
    const clock = testClock(at('2026-02-01'))
    const { app, adminToken } = await shop(clock)
    await callOk(app, 'warranty.register', unitOf('SN-PC-1', 'computer', '2026-01-10'), adminToken)
    const { workOrder } = await checkIn(app, adminToken, 'SN-PC-1')
    await callOk(
      app,
      'workOrders.setWaiting',
      { id: workOrder.id, waiting: { cause: 'parts_not_supplied', since: '2026-02-01' } },
      adminToken
    )
    const token = await moveTo(app, clock, '2026-06-30')
    const verdict = found(await callOk(app, 'warranty.lookup', { query: 'SN-PC-1' }, token))
    expect(verdict.evaluation.verdict).toBe('free_repair')
    expect(verdict.evaluation.waiting).toMatchObject({ entitledOn: null, limitDays: null })
    expect(verdict.evaluation.reasons.map((r) => r.key)).toContain('warranty.reason.waitingNoLimit')
    expect((await callOk(app, 'workOrders.get', { id: workOrder.id }, token)).waiting).toMatchObject({
      cause: 'parts_not_supplied',
      entitledOn: null
    })
  })

  it('the waiting is recorded on warranty repairs only, from the day brought in to today; clearing it ends it', async () => {
    const clock = testClock(at('2026-03-02'))
    const { app, adminToken } = await shop(clock)
    await callOk(app, 'warranty.register', unitOf('SN-PH-9', 'mobile_phone', '2026-01-10'), adminToken)
    const { workOrder } = await checkIn(app, adminToken, 'SN-PH-9')
    for (const since of ['2026-03-01', '2026-03-03']) {
      expect(
        await callError(
          app,
          'workOrders.setWaiting',
          { id: workOrder.id, waiting: { cause: 'parts_not_supplied', since } },
          adminToken
        )
      ).toMatchObject({
        code: 'VALIDATION',
        messageKey: 'errors.waitingSinceOutOfRange',
        details: { fields: [{ path: 'since' }] }
      })
    }
    await callOk(
      app,
      'workOrders.setWaiting',
      { id: workOrder.id, waiting: { cause: 'parts_not_supplied', since: '2026-03-02' } },
      adminToken
    )
    let token = await moveTo(app, clock, '2026-05-02')
    expect(found(await callOk(app, 'warranty.lookup', { query: 'SN-PH-9' }, token)).evaluation.verdict).toBe('exchange')
    const cleared = await callOk(app, 'workOrders.setWaiting', { id: workOrder.id, waiting: null }, token)
    expect(cleared.waiting).toBeNull()
    token = await moveTo(app, clock, '2026-05-03')
    expect(found(await callOk(app, 'warranty.lookup', { query: 'SN-PH-9' }, token)).evaluation.verdict).toBe(
      'free_repair'
    )

    const paid = await callOk(
      app,
      'workOrders.create',
      {
        customer: { kind: 'new', fields: { name: '李四', mobile: '' } },
        device: { kind: 'new', fields: { brand: '测试', model: 'Y', serial: 'SN-PAID-1' } },
        serviceType: 'paid_repair',
        intakeChannel: 'walk_in',
        reportedFault: '碎屏',
        condition: { scratches: false, cracks: true, liquidMarks: false },
        accessories: { items: [] },
        passcode: { consent: false }
      },
      token
    )
    expect(
      await callError(
        app,
        'workOrders.setWaiting',
        { id: paid.workOrder.id, waiting: { cause: 'repairer_delay', since: '2026-05-03' } },
        token
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.waitingOnlyWarranty' })
  })
})
