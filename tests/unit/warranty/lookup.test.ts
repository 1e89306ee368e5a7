import { describe, expect, it } from 'vitest'
import type { Input, WarrantyLookup, WarrantyVerdict } from '../../../src-shared/contract'
import { ADMIN, callError, callOk, createUserAndSignIn, freshShopPerTest, testClock } from '../helpers'

type Registration = Input<'warranty.register'>

const phone: Registration = {
  serial: 'imei861234567890123',
  brand: '华为',
  model: 'Mate 60 Pro',
  categoryKey: 'mobile_phone',
  cardNumber: 'HW-CARD-0001',
  purchaseDate: '2026-01-10',
  invoiceNumber: 'INV-88001',
  dealer: '天河苏宁',
  buyerName: '张三丰',
  buyerPhone: '138 0013 8000'
}

const found = (lookup: WarrantyLookup): WarrantyVerdict => {
  if (lookup.kind !== 'found') throw new Error(`expected a unit, got ${lookup.kind}`)
  return lookup.verdict
}

describe('warranty lookup and the registry', () => {
  // "Today" is 2026-01-20 in Shanghai: ten days after the sale.
  const shop = freshShopPerTest()
  const clock = () => testClock('2026-01-20T02:00:00.000Z')

  it('a registered unit is found by its serial, its card number and its buyer’s phone, with a verdict and reasons', async () => {
    const { app, adminToken } = await shop(clock())
    const registered = await callOk(app, 'warranty.register', phone, adminToken)
    expect(registered.unit).toMatchObject({
      serial: 'IMEI861234567890123',
      cardNumber: 'HW-CARD-0001',
      buyerPhone: '13800138000',
      source: 'counter'
    })
    // Day 11 after the sale: past the 7-day refund window, inside the 15-day exchange window.
    expect(registered.evaluation.verdict).toBe('exchange')
    expect(registered.evaluation.start).toBe('2026-01-10')
    expect(registered.evaluation.repairEnd).toBe('2027-01-10')
    expect(registered.evaluation.reasons.length).toBeGreaterThan(0)
    for (const query of ['imei861234567890123', 'hw-card-0001', '138-0013-8000']) {
      expect(found(await callOk(app, 'warranty.lookup', { query }, adminToken)).unit.id).toBe(registered.unit.id)
    }
  })

  it('an unknown serial is said to be unknown, never treated as out of warranty', async () => {
    const { app, adminToken } = await shop(clock())
    expect(await callOk(app, 'warranty.lookup', { query: 'NOPE-123' }, adminToken)).toEqual({
      kind: 'unknown',
      query: 'NOPE-123',
      queryKind: 'serial'
    })
    expect(await callOk(app, 'warranty.lookup', { query: '13900001111' }, adminToken)).toMatchObject({
      kind: 'unknown',
      queryKind: 'phone'
    })
  })

  it('a phone with several units lists them to choose from', async () => {
    const { app, adminToken } = await shop(clock())
    await callOk(app, 'warranty.register', phone, adminToken)
    await callOk(
      app,
      'warranty.register',
      { ...phone, serial: 'SN-TV-1', cardNumber: '', brand: '海信', model: '65E7K', categoryKey: 'tv' },
      adminToken
    )
    const lookup = await callOk(app, 'warranty.lookup', { query: '13800138000' }, adminToken)
    expect(lookup.kind).toBe('several')
    expect(lookup.kind === 'several' && lookup.units.map((u) => u.serial).sort()).toEqual([
      'IMEI861234567890123',
      'SN-TV-1'
    ])
  })

  it('a serial or card registered twice is refused with the unit offered', async () => {
    const { app, adminToken } = await shop(clock())
    await callOk(app, 'warranty.register', phone, adminToken)
    expect(await callError(app, 'warranty.register', { ...phone, cardNumber: '' }, adminToken)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.duplicateUnit',
      details: { existing: { serial: 'IMEI861234567890123' } }
    })
    expect(await callError(app, 'warranty.register', { ...phone, serial: 'OTHER-1' }, adminToken)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.duplicateCard'
    })
  })

  it('a unit is judged by the policy version in force when it was sold; a manager cannot date a version back', async () => {
    const clock = testClock('2026-01-20T02:00:00.000Z')
    const { app, adminToken } = await shop(clock)
    const policies = await callOk(app, 'warranty.policies', {}, adminToken)
    const current = policies.find((p) => p.categoryKey === 'mobile_phone')!
    const longer = { ...current.policy, repairMonths: 24 }
    // Only an administrator may date a version back (see pastPolicies.test.ts); a manager may not.
    const manager = await createUserAndSignIn(app, adminToken, 'manager')
    expect(
      await callError(
        app,
        'warranty.savePolicy',
        { categoryKey: 'mobile_phone', effectiveFrom: '2026-01-01', policy: longer },
        manager.token
      )
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'effectiveFrom', messageKey: 'validation.effectiveFromPast' }] }
    })
    await callOk(
      app,
      'warranty.savePolicy',
      { categoryKey: 'mobile_phone', effectiveFrom: '2026-02-01', policy: longer, note: '品牌延保' },
      adminToken
    )
    clock.advance(40 * 86_400_000)
    const { token } = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    const before = await callOk(
      app,
      'warranty.register',
      { ...phone, cardNumber: '', purchaseDate: '2026-01-10' },
      token
    )
    const after = await callOk(
      app,
      'warranty.register',
      { ...phone, serial: 'SN-NEW-2', cardNumber: '', purchaseDate: '2026-02-10' },
      token
    )
    expect(before.policy.policy.repairMonths).toBe(12)
    expect(before.evaluation.repairEnd).toBe('2027-01-10')
    expect(after.policy.policy.repairMonths).toBe(24)
    expect(after.evaluation.repairEnd).toBe('2028-02-10')
  })

  it('repair records count: liquid marks found at intake void the warranty (paid repair), with the reason', async () => {
    const { app, adminToken } = await shop(clock())
    const registered = await callOk(app, 'warranty.register', phone, adminToken)
    const desk = await createUserAndSignIn(app, adminToken, 'front_desk')
    await callOk(
      app,
      'workOrders.create',
      {
        customer: { kind: 'new', fields: { name: '张三丰', mobile: '13800138000' } },
        device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial: 'IMEI861234567890123' } },
        serviceType: 'warranty_repair',
        intakeChannel: 'walk_in',
        reportedFault: '进水后不开机',
        condition: { scratches: false, cracks: false, liquidMarks: true },
        accessories: { items: [] },
        passcode: { consent: false }
      },
      desk.token
    )
    const verdict = await callOk(app, 'warranty.evaluate', { unitId: registered.unit.id }, adminToken)
    expect(verdict.evaluation.verdict).toBe('paid_repair')
    expect(JSON.stringify(verdict.evaluation.reasons)).toContain('liquid_damage')
    expect(verdict.repairs).toHaveLength(1)
  })

  it('an exchange registers the new serial linked to the old one, its period restarting on the exchange day; the old one is done', async () => {
    const { app, adminToken } = await shop(clock())
    const registered = await callOk(app, 'warranty.register', phone, adminToken)
    const exchanged = await callOk(
      app,
      'warranty.exchange',
      { unitId: registered.unit.id, newSerial: 'imei869999999999999' },
      adminToken
    )
    expect(exchanged.unit).toMatchObject({
      serial: 'IMEI869999999999999',
      exchangedOn: '2026-01-20',
      exchangedFrom: { serial: 'IMEI861234567890123' },
      source: 'exchange'
    })
    expect(exchanged.evaluation.start).toBe('2026-01-20')
    expect(exchanged.evaluation.startBasis).toBe('exchange')
    // The old serial's warranty went with the exchange: scanning it says so, and it cannot be exchanged again.
    const old = found(await callOk(app, 'warranty.lookup', { query: phone.serial! }, adminToken))
    expect(old.unit.exchangedTo).toMatchObject({ serial: 'IMEI869999999999999' })
    expect(old.evaluation.verdict).toBe('not_covered')
    expect(old.evaluation.reasons.map((r) => r.key)).toContain('warranty.reason.replacedBy')
    expect(
      (await callError(app, 'warranty.exchange', { unitId: registered.unit.id, newSerial: 'X-2' }, adminToken)).code
    ).toBe('CONFLICT')
  })

  it('a unit received in an exchange keeps the sale’s refund and exchange windows: no new refund opens with the exchange', async () => {
    // Sold 2026-01-10, exchanged 2026-01-20 (day 10): the new unit's repair period restarts, but
    // 7 days from the exchange is no refund window (自售出之日起7日内).
    const { app, adminToken } = await shop(clock())
    const registered = await callOk(app, 'warranty.register', phone, adminToken)
    const exchanged = await callOk(
      app,
      'warranty.exchange',
      { unitId: registered.unit.id, newSerial: 'imei869999999999998' },
      adminToken
    )
    expect(exchanged.evaluation).toMatchObject({
      start: '2026-01-20',
      repairEnd: '2027-01-20',
      refundEnd: '2026-01-17',
      exchangeEnd: '2026-01-25',
      verdict: 'exchange',
      remedyRule: 'exchange_window'
    })
    expect(exchanged.evaluation.reasons.map((r) => r.key)).toContain('warranty.reason.exchangeWindowsFromSale')
    expect(
      await callError(app, 'warranty.refund', { unitId: exchanged.unit.id, claim: null }, adminToken)
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.refundNotDue' })
  })

  it('day 7 is judged on the shop’s calendar: 23:59 in Shanghai is still day 7 (a refund), 00:01 is day 8 (an exchange)', async () => {
    // 15:59 UTC is 23:59 in Shanghai, the same date in both; two minutes later the shop's is a day on.
    const late = testClock('2026-01-17T15:59:00.000Z')
    const { app, adminToken } = await shop(late)
    const sold = await callOk(app, 'warranty.register', phone, adminToken)
    expect(sold.unit.activationDate).toBe('2026-01-17')
    expect(sold.evaluation).toMatchObject({ verdict: 'refund', refundEnd: '2026-01-17', judgedOn: '2026-01-17' })
    late.advance(2 * 60 * 1000)
    const next = found(await callOk(app, 'warranty.lookup', { query: phone.serial! }, adminToken))
    expect(next.evaluation).toMatchObject({ verdict: 'exchange', judgedOn: '2026-01-18' })
  })

  it('a unit outside its refund and exchange windows is not exchanged', async () => {
    const { app, adminToken } = await shop(clock())
    const registered = await callOk(app, 'warranty.register', { ...phone, purchaseDate: '2025-12-01' }, adminToken)
    expect(registered.evaluation.verdict).toBe('free_repair')
    expect(
      await callError(app, 'warranty.exchange', { unitId: registered.unit.id, newSerial: 'X-3' }, adminToken)
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.exchangeNotDue' })
  })

  it('an invoice or production date later than today is refused at registration, never judged', async () => {
    // A year typed one too far (2027 for 2026) would otherwise be judged 'refund' until a week
    // after that day, and the repair period would run a year past the real one.
    const { app, adminToken } = await shop(clock())
    for (const [field, date] of [
      ['purchaseDate', '2027-01-10'],
      ['purchaseDate', '2026-01-21'],
      ['productionDate', '2026-01-21']
    ] as const) {
      const error = await callError(app, 'warranty.register', { ...phone, [field]: date }, adminToken)
      expect(error).toMatchObject({ code: 'VALIDATION' })
      expect((error.details as { fields: unknown[] }).fields).toEqual([
        { path: field, messageKey: 'validation.dateInFuture' }
      ])
    }
    expect(await callOk(app, 'warranty.lookup', { query: phone.serial! }, adminToken)).toMatchObject({
      kind: 'unknown'
    })
    // Today itself is a sale like any other: the refund window's first day.
    const today = await callOk(app, 'warranty.register', { ...phone, purchaseDate: '2026-01-20' }, adminToken)
    expect(today.evaluation.verdict).toBe('refund')
  })

  it('a sale date without an invoice falls back to the production date, and says so', async () => {
    const { app, adminToken } = await shop(clock())
    const registered = await callOk(
      app,
      'warranty.register',
      { ...phone, invoiceNumber: '', productionDate: '2025-10-01' },
      adminToken
    )
    expect(registered.evaluation.startBasis).toBe('production_fallback')
    expect(registered.evaluation.start).toBe('2025-12-30')
  })

  it('the front desk may look up and register but not change policies or exchange units', async () => {
    const { app, adminToken } = await shop(clock())
    const desk = await createUserAndSignIn(app, adminToken, 'front_desk')
    const registered = await callOk(app, 'warranty.register', phone, desk.token)
    expect(
      (await callError(app, 'warranty.exchange', { unitId: registered.unit.id, newSerial: 'X-1' }, desk.token)).code
    ).toBe('FORBIDDEN')
    const policy = (await callOk(app, 'warranty.policies', {}, desk.token))[0]!
    expect(
      (
        await callError(
          app,
          'warranty.savePolicy',
          { categoryKey: 'tv', effectiveFrom: '2026-01-01', policy: policy.policy },
          desk.token
        )
      ).code
    ).toBe('FORBIDDEN')
  })
})

describe('the repair warranty on replaced parts', () => {
  const shop = freshShopPerTest()

  it('a part replaced in a paid repair is covered for the shop’s repair-warranty days, even on an unit out of warranty', async () => {
    const clock = testClock('2026-06-01T02:00:00.000Z')
    const { app, adminToken } = await shop(clock)
    const settings = await callOk(app, 'settings.get', {}, adminToken)
    await callOk(app, 'settings.update', { ...settings, repairWarrantyDays: 60 }, adminToken)
    // Leaving the setting out keeps it.
    const { repairWarrantyDays: _kept, ...withoutDays } = settings
    await callOk(app, 'settings.update', withoutDays, adminToken)
    expect((await callOk(app, 'settings.get', {}, adminToken)).repairWarrantyDays).toBe(60)

    const unit = await callOk(
      app,
      'warranty.register',
      { ...phone, purchaseDate: '2024-01-10', cardNumber: '' },
      adminToken
    )
    expect(unit.evaluation.verdict).toBe('paid_repair')
    const { workOrder, claimCode } = await callOk(
      app,
      'workOrders.create',
      {
        customer: { kind: 'new', fields: { name: '张三丰', mobile: '13800138000' } },
        device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial: phone.serial } },
        serviceType: 'paid_repair',
        intakeChannel: 'walk_in',
        reportedFault: '电池鼓包',
        condition: { scratches: false, cracks: false, liquidMarks: false },
        accessories: { items: [] },
        passcode: { consent: false }
      },
      adminToken
    )
    const id = workOrder.id
    await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, adminToken)
    await callOk(
      app,
      'workOrders.diagnose',
      { id, faultLocationCode: 'L03', faultCauseCode: 'C01', diagnosis: '电池老化' },
      adminToken
    )
    await callOk(app, 'workOrders.quote', { id, labourFen: 5_000, partsFen: 15_000, discountFen: 0 }, adminToken)
    await callOk(app, 'workOrders.customerDecision', { id, approved: true, channel: 'in_person' }, adminToken)
    for (const to of ['repairing', 'quality_check', 'ready_for_pickup'] as const)
      await callOk(app, 'workOrders.transition', { id, to }, adminToken)
    // Checked out before the device goes (issue 11: no unpaid hand-over): the quoted labour, which
    // the admin, a manager, lets stand against the larger quote.
    await callOk(app, 'checkout.pay', { workOrderId: id, tenders: [{ method: 'cash', amountFen: 5_000 }] }, adminToken)
    await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, adminToken)

    clock.advance(30 * 86_400_000)
    // A month later, at the counter again.
    const { token } = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    const battery = await callOk(
      app,
      'warranty.evaluate',
      { unitId: unit.unit.id, claim: { kind: 'performance', component: 'battery', faultCode: null } },
      token
    )
    expect(battery.evaluation.verdict).toBe('free_repair')
    expect(battery.evaluation.partWarranties).toEqual([{ component: 'battery', end: '2026-07-31', daysLeft: 30 }])
    // Another part of the same unit is still a paid repair.
    const board = await callOk(
      app,
      'warranty.evaluate',
      { unitId: unit.unit.id, claim: { kind: 'performance', component: 'main_board', faultCode: null } },
      token
    )
    expect(board.evaluation.verdict).toBe('paid_repair')
  })
})

describe('a model with its own policy', () => {
  const shop = freshShopPerTest()

  it('a model-specific version wins over its category for units of that model only', async () => {
    const { app, adminToken } = await shop(testClock('2026-01-20T02:00:00.000Z'))
    const sold = { ...phone, purchaseDate: '2026-01-20' }
    const mate = await callOk(app, 'warranty.register', sold, adminToken)
    const other = await callOk(
      app,
      'warranty.register',
      { ...sold, serial: 'SN-P70-1', cardNumber: '', model: 'P70' },
      adminToken
    )
    const models = await callOk(app, 'warranty.models', { categoryKey: 'mobile_phone' }, adminToken)
    const mateModel = models.find((m) => m.model === 'Mate 60 Pro')!
    await callOk(
      app,
      'warranty.savePolicy',
      {
        modelId: mateModel.id,
        effectiveFrom: '2026-01-20',
        policy: { ...mate.policy.policy, repairMonths: 24 },
        note: '旗舰机两年保修'
      },
      adminToken
    )
    const mateNow = await callOk(app, 'warranty.evaluate', { unitId: mate.unit.id }, adminToken)
    const otherNow = await callOk(app, 'warranty.evaluate', { unitId: other.unit.id }, adminToken)
    expect(mateNow.policy.model).toMatchObject({ brand: '华为', model: 'Mate 60 Pro' })
    expect(mateNow.evaluation.repairEnd).toBe('2028-01-20')
    expect(otherNow.policy.model).toBeNull()
    expect(otherNow.evaluation.repairEnd).toBe('2027-01-20')
  })
})
