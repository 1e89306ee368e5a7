import { afterAll, beforeAll } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import type { Input, WorkOrderDetail } from '../../../src-shared/contract'
import type { WorkOrderStatus } from '../../../src-shared/domain/workOrderStatus'
import {
  callOk,
  closeApp,
  createUserAndSignIn,
  initializedApp,
  testClock,
  type InitializedApp,
  type SignedInUser,
  type TestClock
} from '../helpers'

export type Intake = Input<'workOrders.create'>

let sequence = 0

/** A mainland mobile no other fixture customer has (the shop refuses a second customer with it). */
export function uniqueMobile(): string {
  sequence += 1
  return `139${String(sequence).padStart(8, '0')}`
}

/** A serial no other fixture device has (serials are unique in the shop). */
export function uniqueSerial(): string {
  sequence += 1
  return `SN${String(sequence).padStart(6, '0')}`
}

/** The minimal walk-in check-in: a new customer with a new device, passcode left with consent. */
export function intake(overrides: Partial<Intake> = {}): Intake {
  return {
    customer: { kind: 'new', fields: { name: '张三丰', mobile: uniqueMobile() } },
    device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60', serial: uniqueSerial() } },
    serviceType: 'paid_repair',
    intakeChannel: 'walk_in',
    reportedFault: '不开机',
    symptomCode: 'S01',
    condition: { scratches: false, cracks: false, liquidMarks: false },
    accessories: { items: [] },
    passcode: { consent: true, value: '1234' },
    ...overrides
  }
}

export interface Staff {
  frontDesk: SignedInUser
  techA: SignedInUser
  techB: SignedInUser
  manager: SignedInUser
  clerk: SignedInUser
}

/** One of each role the repair counter has; created side by side since each password hash takes a while. */
export async function hireStaff(app: AppContext, adminToken: string): Promise<Staff> {
  const [frontDesk, techA, techB, manager, clerk] = await Promise.all([
    createUserAndSignIn(app, adminToken, 'front_desk'),
    createUserAndSignIn(app, adminToken, 'technician'),
    createUserAndSignIn(app, adminToken, 'technician'),
    createUserAndSignIn(app, adminToken, 'manager'),
    createUserAndSignIn(app, adminToken, 'warehouse_clerk')
  ])
  return { frontDesk: frontDesk!, techA: techA!, techB: techB!, manager: manager!, clerk: clerk! }
}

export interface StaffedShop extends InitializedApp {
  staff: Staff
}

/**
 * One shop with its staff for a whole file: hashing passwords for five users per test would
 * cost seconds each, so tests share the shop and work on their own work orders.
 */
export function staffedShopPerFile(clock: TestClock = testClock()): () => StaffedShop {
  let shop: StaffedShop | undefined
  beforeAll(async () => {
    const initialized = await initializedApp(clock)
    // Tests move the clock to tell events apart; the shared sessions must not idle-lock meanwhile.
    const settings = await callOk(initialized.app, 'settings.get', {}, initialized.adminToken)
    await callOk(initialized.app, 'settings.update', { ...settings, idleLockMinutes: 0 }, initialized.adminToken)
    shop = { ...initialized, staff: await hireStaff(initialized.app, initialized.adminToken) }
  })
  afterAll(async () => {
    if (shop) await closeApp(shop.app)
  })
  return () => {
    if (!shop) throw new Error('the shop is set up in beforeAll')
    return shop
  }
}

/** Changes the shop's approval threshold, keeping the other settings. */
export async function setApprovalThreshold(
  app: AppContext,
  adminToken: string,
  approvalThresholdFen: number
): Promise<void> {
  const settings = await callOk(app, 'settings.get', {}, adminToken)
  await callOk(app, 'settings.update', { ...settings, approvalThresholdFen }, adminToken)
}

export interface OpenedOrder {
  id: string
  claimCode: string
  order: WorkOrderDetail
}

export async function openOrder(app: AppContext, token: string, overrides: Partial<Intake> = {}): Promise<OpenedOrder> {
  const { workOrder, claimCode } = await callOk(app, 'workOrders.create', intake(overrides), token)
  return { id: workOrder.id, claimCode, order: workOrder }
}

/**
 * A real work order driven through the service into `status` by someone allowed every step
 * (the admin). Warranty repairs need no quote, so they are used unless `paid` is set; reaching
 * awaiting approval takes a paid repair with a quote under the threshold, which the customer has
 * accepted unless `customerAccepts` is false.
 */
export async function driveTo(
  app: AppContext,
  token: string,
  status: WorkOrderStatus,
  options: { paid?: boolean; customerAccepts?: boolean; passcode?: string } = {}
): Promise<OpenedOrder> {
  const paid = options.paid ?? status === 'awaiting_approval'
  const opened = await openOrder(app, token, {
    serviceType: paid ? 'paid_repair' : 'warranty_repair',
    ...(options.passcode === undefined ? {} : { passcode: { consent: true, value: options.passcode } })
  })
  const { id, claimCode } = opened
  const move = (to: WorkOrderStatus, reason = '') => callOk(app, 'workOrders.transition', { id, to, reason }, token)
  const path: Record<WorkOrderStatus, () => Promise<unknown>> = {
    received: async () => undefined,
    diagnosing: () => move('diagnosing'),
    awaiting_approval: async () => {
      await move('diagnosing')
      await callOk(app, 'workOrders.quote', { id, labourFen: 5_000, partsFen: 10_000, discountFen: 0 }, token)
      if (options.customerAccepts !== false) {
        await callOk(app, 'workOrders.customerDecision', { id, approved: true, channel: 'in_person' }, token)
      }
    },
    awaiting_parts: async () => {
      await move('diagnosing')
      await move('awaiting_parts')
    },
    repairing: async () => {
      await move('diagnosing')
      await move('repairing')
    },
    quality_check: async () => {
      await path.repairing()
      await move('quality_check')
    },
    ready_for_pickup: async () => {
      await path.quality_check()
      await move('ready_for_pickup')
    },
    picked_up: async () => {
      await path.ready_for_pickup()
      await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, token)
    },
    cancelled: () => move('cancelled', '客户不修了'),
    returned_unrepaired: async () => {
      await move('diagnosing')
      await move('returned_unrepaired', '无配件')
    }
  }
  await path[status]()
  const order = await callOk(app, 'workOrders.get', { id }, token)
  if (order.status !== status) throw new Error(`driving to ${status} ended in ${order.status}`)
  return { id, claimCode, order }
}

/** Rows of a table that concern one work order, to show a refused call wrote nothing. */
export function rowsAbout(app: AppContext, workOrderId: string): { events: number; audit: number; outbox: number } {
  const count = (sql: string) => (app.sqlite.prepare(sql).get(workOrderId) as { n: number }).n
  return {
    events: count('SELECT COUNT(*) AS n FROM work_order_events WHERE work_order_id = ?'),
    audit: count('SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ?'),
    outbox: count('SELECT COUNT(*) AS n FROM outbox WHERE entity_id = ?')
  }
}
