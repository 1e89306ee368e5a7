import type { Input, WarrantyLookup, WarrantyVerdict } from '../../../src-shared/contract'
import type { AppContext } from '../../../src-main/app/context'
import { ADMIN, callOk, type TestClock } from '../helpers'

export const DAY = 86_400_000

/** 10:00 in Shanghai on that calendar day. */
export function at(date: string): string {
  return `${date}T02:00:00.000Z`
}

/** Moves the clock to 10:00 (Shanghai) of a later day and signs in again (sessions idle out). */
export async function moveTo(app: AppContext, clock: TestClock, date: string): Promise<string> {
  clock.advance(new Date(at(date)).getTime() - clock.now().getTime())
  return (await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).token
}

export function unitOf(
  serial: string,
  categoryKey: Input<'warranty.register'>['categoryKey'],
  purchaseDate: string
): Input<'warranty.register'> {
  return {
    serial,
    brand: '测试',
    model: `M-${categoryKey}`,
    categoryKey,
    purchaseDate,
    invoiceNumber: `INV-${serial}`,
    dealer: '',
    buyerName: '张三',
    buyerPhone: ''
  }
}

/** A warranty repair of this serial checked in now; its work order. */
export async function checkIn(
  app: AppContext,
  token: string,
  serial: string,
  faultDate: string | null = null,
  /** a device already known (a later visit) */
  known: { customerId: string; deviceId: string } | null = null
) {
  const { workOrder, claimCode } = await callOk(
    app,
    'workOrders.create',
    {
      customer: known
        ? { kind: 'existing', id: known.customerId }
        : { kind: 'new', fields: { name: '张三', mobile: '' } },
      device: known
        ? { kind: 'existing', id: known.deviceId }
        : { kind: 'new', fields: { brand: '测试', model: 'X', serial } },
      serviceType: 'warranty_repair',
      intakeChannel: 'walk_in',
      reportedFault: '不开机',
      symptomCode: 'S01',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false },
      faultDate
    },
    token
  )
  return { workOrder, claimCode }
}

export function found(lookup: WarrantyLookup): WarrantyVerdict {
  if (lookup.kind !== 'found') throw new Error(`expected a unit, got ${lookup.kind}`)
  return lookup.verdict
}
