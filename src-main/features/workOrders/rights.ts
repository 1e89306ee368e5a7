import type { CurrentUser } from '../../../src-shared/contract'
import type { WorkOrderRights } from '../../../src-shared/contract/workOrders'
import { roleMayCall } from '../../../src-shared/contract/permissions'
import { awaitsHandOver, isClosed } from '../../../src-shared/domain/workOrderStatus'
import type { QuotesTable, WorkOrdersTable } from './tables'

/** States a quote can be given in: after diagnosis, or again while the answer is awaited. */
export const QUOTABLE_STATUSES: ReadonlySet<string> = new Set(['diagnosing', 'awaiting_approval'])

/** A technician works on their own jobs (or unassigned ones); managers on any. */
export function isOwnOrFreeJob(viewer: CurrentUser, order: Pick<WorkOrdersTable, 'technicianId'>): boolean {
  return viewer.role !== 'technician' || order.technicianId === null || order.technicianId === viewer.id
}

/**
 * What this caller may do with the order now. The services enforce each rule themselves; these
 * flags only let the screen offer exactly the actions that will be accepted.
 */
export function workOrderRights(
  viewer: CurrentUser,
  order: WorkOrdersTable,
  quote: QuotesTable | null,
  history: { hasLiveComeback: boolean } = { hasLiveComeback: false }
): WorkOrderRights {
  const open = !isClosed(order.status)
  const may = (operation: Parameters<typeof roleMayCall>[1]) => roleMayCall(viewer.role, operation)
  const ownJob = isOwnOrFreeJob(viewer, order)
  return {
    benchWork: open && may('workOrders.diagnose') && ownJob,
    quote:
      open &&
      may('workOrders.quote') &&
      ownJob &&
      order.serviceType === 'paid_repair' &&
      QUOTABLE_STATUSES.has(order.status),
    customerDecision: open && may('workOrders.customerDecision') && quote?.customerDecision === 'pending',
    managerDecision:
      open &&
      may('workOrders.managerDecision') &&
      quote?.managerApproval === 'pending' &&
      quote.customerDecision !== 'refused',
    assign: open && may('workOrders.assign'),
    editNotes: open && may('workOrders.updateNotes') && ownJob,
    addNoteAfterClose: !open && may('workOrders.addNoteAfterClose') && ownJob,
    setWaiting: open && may('workOrders.setWaiting') && ownJob && order.serviceType === 'warranty_repair',
    pickup: awaitsHandOver(order) && may('workOrders.pickup'),
    reopen: order.status === 'picked_up' && !history.hasLiveComeback && may('workOrders.reopen'),
    viewCustomer: may('customers.get'),
    viewDeviceHistory: may('devices.history')
  }
}
