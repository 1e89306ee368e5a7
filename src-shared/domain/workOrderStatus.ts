import type { Role } from './roles'

/**
 * The repair status machine. A work order moves only along these edges; the main process
 * refuses anything else with INVALID_TRANSITION.
 *
 *   received → diagnosing → (awaiting_approval) → (awaiting_parts) → repairing
 *            → quality_check → ready_for_pickup → picked_up
 *   exits: cancelled (before repair work starts) and returned_unrepaired, each with a reason.
 */
export const WORK_ORDER_STATUSES = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'repairing',
  'quality_check',
  'ready_for_pickup',
  'picked_up',
  'cancelled',
  'returned_unrepaired'
] as const

export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number]

export const TRANSITIONS: Readonly<Record<WorkOrderStatus, readonly WorkOrderStatus[]>> = {
  received: ['diagnosing', 'cancelled'],
  diagnosing: ['awaiting_approval', 'awaiting_parts', 'repairing', 'cancelled', 'returned_unrepaired'],
  awaiting_approval: ['awaiting_parts', 'repairing', 'cancelled', 'returned_unrepaired'],
  awaiting_parts: ['repairing', 'cancelled', 'returned_unrepaired'],
  repairing: ['awaiting_parts', 'quality_check', 'returned_unrepaired'],
  // A failed check sends the job back to the bench.
  quality_check: ['repairing', 'ready_for_pickup'],
  // Handing over happens through pick-up, which checks the claim code.
  ready_for_pickup: ['picked_up'],
  picked_up: [],
  cancelled: [],
  returned_unrepaired: []
}

/** Statuses after which the order is closed: read-only, and not counted as work in progress. */
export const CLOSED_STATUSES: ReadonlySet<WorkOrderStatus> = new Set(['picked_up', 'cancelled', 'returned_unrepaired'])

/** The active statuses, in the order the board shows them. */
export const OPEN_STATUSES: readonly WorkOrderStatus[] = WORK_ORDER_STATUSES.filter(
  (status) => !CLOSED_STATUSES.has(status)
)

/** Leaving by one of these exits must say why. */
export const REASON_REQUIRED: ReadonlySet<WorkOrderStatus> = new Set(['cancelled', 'returned_unrepaired'])

/** Who may move an order into a status. Pick-up has its own operation (claim code check). */
const BENCH: readonly Role[] = ['technician', 'manager', 'admin']
const DESK: readonly Role[] = ['front_desk', 'manager', 'admin']
export const ROLES_BY_TARGET: Readonly<Record<WorkOrderStatus, readonly Role[]>> = {
  received: [],
  diagnosing: BENCH,
  awaiting_approval: BENCH,
  awaiting_parts: BENCH,
  repairing: BENCH,
  quality_check: BENCH,
  ready_for_pickup: BENCH,
  picked_up: DESK,
  cancelled: DESK,
  returned_unrepaired: [...new Set([...BENCH, ...DESK])]
}

export function canTransition(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

export function isClosed(status: WorkOrderStatus): boolean {
  return CLOSED_STATUSES.has(status)
}

/** The exits where the device leaves as it came: its job stays closed with this status. */
export const LEAVES_UNREPAIRED: ReadonlySet<WorkOrderStatus> = new Set(['cancelled', 'returned_unrepaired'])

/**
 * The device is still in the shop and goes back only through the hand-over (claim code or
 * phone): a repaired one when it is ready, and one that leaves unrepaired until it is handed over.
 */
export function awaitsHandOver(order: { status: WorkOrderStatus; pickedUpAt: string | null }): boolean {
  return order.status === 'ready_for_pickup' || (LEAVES_UNREPAIRED.has(order.status) && order.pickedUpAt === null)
}
