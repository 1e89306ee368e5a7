/**
 * A shop whose clock the rule tables set to any day, units registered through `warranty.register`
 * and repairs driven through the work-order operations, so every row of a rule table is judged
 * by `warranty.lookup` (dispatch) on a real database.
 */
import type { AppContext } from '../../../../src-main/app/context'
import type { Input, WarrantyVerdict } from '../../../../src-shared/contract'
import type { FaultClaim } from '../../../../src-shared/domain/warranty/facts'
import { ADMIN, callOk, closeApp, initializedApp, type TestClock } from '../../helpers'

export type Category = Input<'warranty.register'>['categoryKey']

/** A test clock that can also be set to a calendar day (10:00 in Shanghai). */
export interface DayClock extends TestClock {
  setDay(date: string): void
}

export function dayClock(date: string): DayClock {
  let current = dayTime(date)
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms
    },
    setDay: (day) => {
      current = dayTime(day)
    }
  }
}

function dayTime(date: string): number {
  return new Date(`${date}T02:00:00.000Z`).getTime()
}

export interface RuleShop {
  app: AppContext
  clock: DayClock
  /** Moves the clock to `date` and signs the admin in again (a session does not outlive days). */
  on(date: string): Promise<string>
  close(): Promise<void>
}

export async function ruleShop(date = '2026-01-20'): Promise<RuleShop> {
  const clock = dayClock(date)
  const { app } = await initializedApp(clock)
  return {
    app,
    clock,
    on: async (day) => {
      clock.setDay(day)
      const { token } = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
      return token
    },
    close: async () => {
      await closeApp(app)
    }
  }
}

let sequence = 0

/** A brand and model per category: models are created on first sight with their category. */
const MODEL: Record<string, { brand: string; model: string }> = {
  mobile_phone: { brand: '华为', model: 'Mate 60' },
  computer: { brand: '联想', model: 'ThinkCentre M70' },
  desktop_computer: { brand: '联想', model: 'ThinkCentre M90' },
  laptop_computer: { brand: '联想', model: 'ThinkPad X1' },
  tv: { brand: '海信', model: '65E7K' },
  air_conditioner: { brand: '格力', model: 'KFR-35GW' },
  refrigerator: { brand: '美的', model: 'BCD-520' },
  washing_machine: { brand: '小天鹅', model: 'TG100' }
}

export interface Sale {
  category: Category
  /** invoice date; null: sold without invoice or card */
  purchaseDate: string | null
  productionDate?: string | null
}

/** Registers a sold unit (a fresh serial) and returns its serial. */
export async function sell(shop: RuleShop, token: string, sale: Sale): Promise<string> {
  sequence += 1
  const serial = `RULE${String(sequence).padStart(6, '0')}`
  const model = MODEL[sale.category]!
  await callOk(
    shop.app,
    'warranty.register',
    {
      serial,
      ...model,
      categoryKey: sale.category,
      purchaseDate: sale.purchaseDate,
      invoiceNumber: sale.purchaseDate ? `INV-${sequence}` : '',
      cardNumber: sale.purchaseDate ? `CARD-${sequence}` : '',
      productionDate: sale.productionDate ?? null
    },
    token
  )
  return serial
}

/** The customer and device of a serial already checked in, to bring the same unit in again. */
const seen = new Map<string, { customerId: string; deviceId: string }>()

export type Condition = Input<'workOrders.create'>['condition']

/** The unit is checked in as a warranty repair with what the desk saw; returns the job's id. */
export async function checkIn(
  shop: RuleShop,
  token: string,
  serial: string,
  condition: Partial<Condition> = {},
  symptomCode: string | null = 'S01'
): Promise<{ id: string; claimCode: string }> {
  sequence += 1
  const known = seen.get(serial)
  const { workOrder, claimCode } = await callOk(
    shop.app,
    'workOrders.create',
    {
      customer: known
        ? { kind: 'existing', id: known.customerId }
        : { kind: 'new', fields: { name: '张三丰', mobile: `137${String(sequence).padStart(8, '0')}` } },
      device: known
        ? { kind: 'existing', id: known.deviceId }
        : { kind: 'new', fields: { brand: '品牌', model: '型号', serial } },
      serviceType: 'warranty_repair',
      intakeChannel: 'walk_in',
      reportedFault: '故障',
      symptomCode,
      condition: { scratches: false, cracks: false, liquidMarks: false, note: '', ...condition },
      accessories: { items: [] },
      passcode: { consent: false }
    },
    token
  )
  seen.set(serial, { customerId: workOrder.customer.id, deviceId: workOrder.device.id })
  return { id: workOrder.id, claimCode }
}

/**
 * Completed warranty repairs of `symptomCode`, each at its fault location (its component): every
 * unit is checked in on `receivedOn` and picked up repaired on `returnedOn`. The clock is left on
 * `returnedOn`.
 */
export async function warrantyRepairs(
  shop: RuleShop,
  units: { serial: string; location: string | null }[],
  symptomCode: string,
  receivedOn: string,
  returnedOn: string
): Promise<void> {
  let token = await shop.on(receivedOn)
  const jobs: { id: string; claimCode: string }[] = []
  for (const unit of units) {
    const job = await checkIn(shop, token, unit.serial, {}, symptomCode)
    const { id } = job
    await callOk(shop.app, 'workOrders.transition', { id, to: 'diagnosing' }, token)
    await callOk(
      shop.app,
      'workOrders.diagnose',
      { id, faultLocationCode: unit.location, faultCauseCode: 'C01', diagnosis: '' },
      token
    )
    for (const to of ['repairing', 'quality_check', 'ready_for_pickup'] as const)
      await callOk(shop.app, 'workOrders.transition', { id, to }, token)
    jobs.push(job)
  }
  token = await shop.on(returnedOn)
  for (const { id, claimCode } of jobs)
    await callOk(shop.app, 'workOrders.pickup', { id, claimCode, confirmed: true }, token)
}

/** The verdict `warranty.lookup` gives for the serial and the claim. */
export async function lookUp(
  shop: RuleShop,
  token: string,
  serial: string,
  claim: FaultClaim
): Promise<WarrantyVerdict> {
  const lookup = await callOk(shop.app, 'warranty.lookup', { query: serial, claim }, token)
  if (lookup.kind !== 'found') throw new Error(`expected the unit ${serial}, got ${lookup.kind}`)
  return lookup.verdict
}

export const performance = (component: string | null = null, faultCode: string | null = null): FaultClaim => ({
  kind: 'performance',
  component,
  faultCode
})

export const cosmetic = (component: string | null = null): FaultClaim => ({
  kind: 'appearance',
  component,
  faultCode: null
})

export const reasonKeys = (verdict: WarrantyVerdict): string[] => verdict.evaluation.reasons.map((r) => r.key)
