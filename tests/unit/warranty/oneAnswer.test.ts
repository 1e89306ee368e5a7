import { describe, expect, it } from 'vitest'
import type { Input } from '../../../src-shared/contract'
import { addDays } from '../../../src-shared/domain/warranty/policy'
import { exchangeDue } from '../../../src-shared/domain/warranty/exchange'
import { callError, callOk, freshShopPerTest, testClock } from '../helpers'
import { at, checkIn, found, moveTo, unitOf } from './jobFixtures'

type Category = Input<'warranty.register'>['categoryKey']

/** Repairs the job under warranty and hands it back (the fault counts as repaired once). */
async function repairAndHandBack(
  app: Parameters<typeof callOk>[0],
  token: string,
  id: string,
  claimCode: string
): Promise<void> {
  for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'] as const)
    await callOk(app, 'workOrders.transition', { id, to }, token)
  await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, token)
}

describe('one answer everywhere: the exchange accepts every exchange the lookup offers', () => {
  const shop = freshShopPerTest()

  it('2001 (phones) art. 13: after two repairs of the same fault, the lookup offers an exchange and the exchange accepts it', async () => {
    const clock = testClock(at('2026-03-02'))
    const { app, adminToken } = await shop(clock)
    await callOk(app, 'warranty.register', unitOf('SN-2R-1', 'mobile_phone', '2026-01-10'), adminToken)
    let token: string
    let known: { customerId: string; deviceId: string } | null = null
    for (const day of ['2026-03-02', '2026-04-01']) {
      token = await moveTo(app, clock, day)
      const { workOrder, claimCode } = await checkIn(app, token, 'SN-2R-1', null, known)
      known = { customerId: workOrder.customerId, deviceId: workOrder.device.id }
      await repairAndHandBack(app, token, workOrder.id, claimCode)
    }
    token = await moveTo(app, clock, '2026-05-06')
    const claim = { kind: 'performance' as const, component: null, faultCode: 'S01' }
    const offered = found(await callOk(app, 'warranty.lookup', { query: 'SN-2R-1', claim }, token))
    expect(offered.evaluation.verdict).toBe('exchange')
    expect(offered.evaluation.remedyRule).toBe('second_repair')
    const exchanged = await callOk(
      app,
      'warranty.exchange',
      { unitId: offered.unit.id, newSerial: 'SN-2R-2', claim },
      token
    )
    expect(exchanged.unit).toMatchObject({ serial: 'SN-2R-2', exchangeRule: 'second_repair' })
  })

  it('the 15 days judged on the fault date: offered by the lookup, accepted by the exchange (2001 art. 12)', async () => {
    const { app, adminToken } = await shop(testClock(at('2026-03-10')))
    await callOk(app, 'warranty.register', unitOf('SN-FW-1', 'mobile_phone', '2026-01-31'), adminToken)
    const claim = { kind: 'performance' as const, component: null, faultCode: null, faultDate: '2026-02-15' }
    const offered = found(await callOk(app, 'warranty.lookup', { query: 'SN-FW-1', claim }, adminToken))
    expect(offered.evaluation.verdict).toBe('exchange')
    // Without the fault date, today is past the 15 days: no exchange.
    expect(
      await callError(app, 'warranty.exchange', { unitId: offered.unit.id, newSerial: 'SN-FW-2' }, adminToken)
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.exchangeNotDue' })
    const exchanged = await callOk(
      app,
      'warranty.exchange',
      { unitId: offered.unit.id, newSerial: 'SN-FW-2', claim },
      adminToken
    )
    expect(exchanged.unit.exchangeRule).toBe('exchange_window')
  })

  it('over many units and fault dates, the exchange accepts exactly what the lookup offers, keeping its rule', async () => {
    const today = '2026-06-30'
    const { app, adminToken } = await shop(testClock(at(today)))
    const categories: Category[] = [
      'mobile_phone',
      'computer',
      'tv',
      'refrigerator',
      'washing_machine',
      'air_conditioner'
    ]
    // A small fixed-seed generator: the same units every run.
    let seed = 12345
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    let offered = 0
    for (let i = 0; i < 48; i++) {
      const category = categories[i % categories.length]!
      const purchaseDate = addDays(today, -next(40))
      const serial = `SN-P-${i}`
      await callOk(app, 'warranty.register', unitOf(serial, category, purchaseDate), adminToken)
      const faultDate =
        next(3) === 0
          ? null
          : addDays(purchaseDate, next(Math.max(1, 1 + (Date.parse(today) - Date.parse(purchaseDate)) / 86_400_000)))
      const claim = { kind: 'performance' as const, component: null, faultCode: null, faultDate }
      const verdict = found(await callOk(app, 'warranty.lookup', { query: serial, claim }, adminToken))
      const input = { unitId: verdict.unit.id, newSerial: `${serial}-X`, claim }
      if (exchangeDue(verdict.evaluation.verdict)) {
        offered++
        const exchanged = await callOk(app, 'warranty.exchange', input, adminToken)
        expect({ serial, rule: exchanged.unit.exchangeRule }).toEqual({ serial, rule: verdict.evaluation.remedyRule })
      } else {
        expect({ serial, error: (await callError(app, 'warranty.exchange', input, adminToken)).messageKey }).toEqual({
          serial,
          error: 'errors.exchangeNotDue'
        })
      }
    }
    // The sample holds both answers.
    expect(offered).toBeGreaterThan(5)
    expect(offered).toBeLessThan(43)
  })
})
