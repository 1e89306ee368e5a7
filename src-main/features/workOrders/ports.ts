import type { Db } from '../../db/connection'
import type { Database } from '../../db/schema'
import type {
  Customer,
  CurrentUser,
  Device,
  Invoice,
  ParsedInput,
  TimelineEvent,
  WorkOrderParts
} from '../../../src-shared/contract'
import type { HandOverBilling } from '../../../src-shared/domain/handOver'
import type { PaymentMethod } from '../../../src-shared/domain/invoice'
import type { WorkOrderStatus } from '../../../src-shared/domain/workOrderStatus'
import { definePort } from '../../app/port'

/*
 * What the work-order kernel asks of the features built on it.
 *
 * Customers, checkout and parts import the kernel, so the kernel (and repairs inside it) must not
 * import them back: features would depend on each other both ways again. Instead the kernel names
 * here the few things it needs from them, and src-main/features/wiring.ts, the one place that
 * knows every feature, plugs each feature's function in when the handler table is built.
 */

/** The customer and device registry, as check-in and the hand-over check use it (customers feature). */
export interface WorkOrderParties {
  findLiveCustomer(db: Db, id: string): Promise<Database['customers']>
  insertCustomer(trx: Db, at: Date, actor: CurrentUser, fields: ParsedInput<'customers.create'>): Promise<Customer>
  findDevice(db: Db, id: string): Promise<Database['devices']>
  insertDevice(
    trx: Db,
    at: Date,
    actor: CurrentUser,
    customerId: string,
    fields: Omit<ParsedInput<'devices.create'>, 'customerId'>
  ): Promise<Device>
  saveDevice(trx: Db, at: Date, actor: CurrentUser, input: ParsedInput<'devices.update'>): Promise<Device>
}

/** A work order that has just closed (picked up, cancelled, returned unrepaired). */
export interface ClosedWorkOrder {
  at: Date
  actorId: string
  workOrderId: string
  to: WorkOrderStatus
  /** Why it closed, as the counter typed it ('' for a pick-up). */
  reason: string
}

/** Lets go of what a feature holds for a closed order, inside the closing transaction. */
export type OnWorkOrderClosed = (trx: Db, closed: ClosedWorkOrder) => Promise<void>

export interface WorkOrderPorts {
  parties: WorkOrderParties
  /** Checkout: a deposit taken at check-in goes into the till. */
  recordDeposit(
    trx: Db,
    at: Date,
    cashierId: string,
    workOrderId: string,
    amountFen: number,
    method: PaymentMethod
  ): Promise<void>
  /** Run in this order when an order closes (parts first, then checkout's deposit). */
  onClosed: readonly OnWorkOrderClosed[]
  /** Checkout: the invoices and credit notes of an order, oldest first (printed with it). */
  invoicesOf(db: Db, workOrderId: string): Promise<Invoice[]>
  /** Checkout: whether the order is checked out, and what it would bill now (the hand-over guard). */
  handOverBilling(db: Db, workOrderId: string): Promise<HandOverBilling>
  /** Parts: the parts requested and issued for an order (printed with it). */
  partsOf(db: Db, workOrderId: string): Promise<WorkOrderParts>
  /** Parts: each part asked for, issued to and returned from an order, as timeline lines. */
  partsTimelineOf(db: Db, workOrderId: string): Promise<TimelineEvent[]>
  /**
   * Warranty: the registered unit with this serial, its category (which 三包 regulation, hence
   * which waiting limits), purchase date and exchange date (a fault cannot appear before them);
   * null if unknown.
   */
  registeredUnit(db: Db, serial: string): Promise<RegisteredUnit | null>
  /**
   * Warranty: whether the brand's 三包 still covers, on `today`, the fault this collected 三包
   * repair fixed (its device's unit, its component and symptom); null when the device's serial is
   * not in the registry.
   */
  brandCoversComeback(db: Db, workOrderId: string, today: string): Promise<boolean | null>
}

/** What the kernel reads of the warranty registry about a device. */
export interface RegisteredUnit {
  categoryKey: string
  purchaseDate: string | null
  /** received in an exchange on this day: its faults cannot predate it */
  exchangedOn: string | null
}

const ports = definePort<WorkOrderPorts>('Work-order ports')

/** Called once by features/wiring.ts; calling it again replaces the ports (tests may). */
export const wireWorkOrderPorts = ports.wire
export const workOrderPorts = ports.get

/** Every feature lets go of a closed order, in the wired order. */
export async function letGoOfClosedOrder(trx: Db, closed: ClosedWorkOrder): Promise<void> {
  for (const onClosed of workOrderPorts().onClosed) await onClosed(trx, closed)
}
