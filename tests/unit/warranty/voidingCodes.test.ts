import { describe, expect, it } from 'vitest'
import type { Input, WarrantyVerdict } from '../../../src-shared/contract'
import { callError, callOk, freshShopPerTest, testClock, type InitializedApp } from '../helpers'

/** A phone sold ten days before "today" (2026-01-20 in Shanghai). */
const phone: Input<'warranty.register'> = {
  serial: 'imei861234567890123',
  brand: '华为',
  model: 'Mate 60 Pro',
  categoryKey: 'mobile_phone',
  cardNumber: '',
  purchaseDate: '2026-01-10',
  invoiceNumber: 'INV-88001',
  dealer: '天河苏宁',
  buyerName: '张三丰',
  buyerPhone: '138 0013 8000'
}

/** The phone comes in under warranty and the bench finds `faultCauseCode`. */
async function diagnosedWith(app: InitializedApp['app'], token: string, faultCauseCode: string): Promise<void> {
  const { workOrder } = await callOk(
    app,
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '张三丰', mobile: '13800138000' } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial: phone.serial } },
      serviceType: 'warranty_repair',
      intakeChannel: 'walk_in',
      reportedFault: '不开机',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false }
    },
    token
  )
  await callOk(app, 'workOrders.transition', { id: workOrder.id, to: 'diagnosing' }, token)
  await callOk(
    app,
    'workOrders.diagnose',
    { id: workOrder.id, faultLocationCode: null, faultCauseCode, diagnosis: '' },
    token
  )
}

const ownCode = { list: 'fault_cause', code: 'C20', label: '私自刷机', active: true, sortOrder: 200 } as const

describe('fault causes that void the warranty are the shop’s own codes', () => {
  const shop = freshShopPerTest()
  const clock = () => testClock('2026-01-20T02:00:00.000Z')

  it('the causes that voided it before are marked, with their reasons, and still void it', async () => {
    const { app, adminToken } = await shop(clock())
    const causes = await callOk(app, 'codes.list', { list: 'fault_cause', includeInactive: true }, adminToken)
    expect(causes.filter((c) => c.voidsWarranty !== null).map((c) => [c.code, c.voidsWarranty])).toEqual([
      ['C03', 'liquid_damage'],
      ['C04', 'physical_damage'],
      ['C07', 'third_party_repair']
    ])
    const unit = await callOk(app, 'warranty.register', phone, adminToken)
    await diagnosedWith(app, adminToken, 'C03')
    const verdict = await callOk(app, 'warranty.evaluate', { unitId: unit.unit.id }, adminToken)
    expect(verdict.evaluation.verdict).toBe('paid_repair')
    expect(verdict.evaluation.reasons).toContainEqual({
      key: 'warranty.reason.voidUnit',
      params: { reason: 'liquid_damage' }
    })
  })

  it('a shop that marks its own code as voiding sees the warranty voided; unmarking restores the coverage', async () => {
    const { app, adminToken } = await shop(clock())
    const saved = await callOk(app, 'codes.save', ownCode, adminToken)
    expect(saved.voidsWarranty).toBeNull()
    const unit = await callOk(app, 'warranty.register', phone, adminToken)
    await diagnosedWith(app, adminToken, 'C20')
    const judge = (): Promise<WarrantyVerdict> => callOk(app, 'warranty.evaluate', { unitId: unit.unit.id }, adminToken)
    const covered = await judge()
    expect(covered.evaluation.verdict).toBe('exchange')

    await callOk(app, 'codes.save', { ...ownCode, voidsWarranty: 'third_party_repair' }, adminToken)
    const voided = await judge()
    expect(voided.evaluation.verdict).toBe('paid_repair')
    expect(voided.evaluation.reasons).toContainEqual({
      key: 'warranty.reason.voidUnit',
      params: { reason: 'third_party_repair' }
    })
    // Saving the code again without saying keeps the mark.
    await callOk(app, 'codes.save', { ...ownCode, label: '私自刷机 / 越狱' }, adminToken)
    expect((await judge()).evaluation.verdict).toBe('paid_repair')

    await callOk(app, 'codes.save', { ...ownCode, voidsWarranty: null }, adminToken)
    expect((await judge()).evaluation).toEqual(covered.evaluation)
  })

  it('only a fault cause can void the warranty', async () => {
    const { app, adminToken } = await shop(clock())
    const error = await callError(
      app,
      'codes.save',
      { ...ownCode, list: 'symptom', code: 'S99', voidsWarranty: 'liquid_damage' },
      adminToken
    )
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'voidsWarranty', messageKey: 'codes.voidsOnlyFaultCause' }] }
    })
  })
})
