import { MANAGER_ROLES, type Role } from '../domain/roles'
import type { OperationName } from './index'

/**
 * Who may call what. Enforced in the main process on every call; the renderer reads the same
 * table only to decide what to show.
 * - `public`: no session needed (first-run and sign-in only);
 * - `signedIn`: any signed-in user;
 * - a role list: only those roles.
 */
export type Access = 'public' | 'signedIn' | readonly Role[]

const ADMIN: readonly Role[] = ['admin']
const ADMIN_AND_MANAGER: readonly Role[] = MANAGER_ROLES
/** Everyone who deals with customers and their jobs. */
const REPAIR_STAFF: readonly Role[] = ['admin', 'manager', 'front_desk', 'technician']
/** The counter: takes jobs in, talks to customers, hands devices back. */
const DESK: readonly Role[] = ['admin', 'manager', 'front_desk']
/** The bench: diagnoses and repairs. */
const BENCH: readonly Role[] = ['admin', 'manager', 'technician']
/** The warehouse: receives, issues, takes back and counts stock. */
const STOCK: readonly Role[] = ['admin', 'manager', 'warehouse_clerk']
/** Who hands a serial-tracked unit over: the warehouse, and the counter selling one. */
const SERIAL_PICKERS: readonly Role[] = [...STOCK, 'front_desk']

export const permissions: Record<OperationName, Access> = {
  'setup.status': 'public',
  'setup.initialize': 'public',
  'auth.signIn': 'public',
  'auth.signOut': 'signedIn',
  'auth.session': 'signedIn',
  'auth.lock': 'signedIn',
  'auth.unlock': 'signedIn',
  'auth.changePassword': 'signedIn',
  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.update': ADMIN,
  'users.setDisabled': ADMIN,
  'users.resetPassword': ADMIN,
  'settings.get': 'signedIn',
  'settings.update': ADMIN,
  'settings.desk': 'signedIn',
  // Whoever works at a desk may switch its language, as the header's switch always allowed.
  'settings.saveDesk': 'signedIn',
  'audit.list': ADMIN_AND_MANAGER,
  'audit.actions': ADMIN_AND_MANAGER,
  'audit.actors': ADMIN_AND_MANAGER,
  'customers.search': REPAIR_STAFF,
  'customers.get': REPAIR_STAFF,
  'customers.create': DESK,
  'customers.update': DESK,
  'customers.merge': ADMIN_AND_MANAGER,
  // China's personal-information law: a customer may ask for their data to be erased (and exported, below).
  'customers.erase': ADMIN_AND_MANAGER,
  'devices.findBySerial': REPAIR_STAFF,
  'devices.create': DESK,
  'devices.update': DESK,
  'devices.history': REPAIR_STAFF,
  'workOrders.create': DESK,
  // The warehouse reads jobs to issue parts against them.
  'workOrders.get': 'signedIn',
  'workOrders.list': 'signedIn',
  'workOrders.board': 'signedIn',
  'workOrders.technicians': REPAIR_STAFF,
  // Which status a role may move an order to is decided per target (domain/workOrderStatus).
  'workOrders.transition': REPAIR_STAFF,
  'workOrders.assign': DESK,
  'workOrders.diagnose': BENCH,
  'workOrders.addLabour': BENCH,
  'workOrders.removeLabour': BENCH,
  'workOrders.updateNotes': REPAIR_STAFF,
  'workOrders.addNoteAfterClose': REPAIR_STAFF,
  'workOrders.setWaiting': REPAIR_STAFF,
  'workOrders.quote': REPAIR_STAFF,
  'workOrders.customerDecision': DESK,
  'workOrders.managerDecision': ADMIN_AND_MANAGER,
  'workOrders.approvals': ADMIN_AND_MANAGER,
  'workOrders.pickup': DESK,
  'workOrders.reopen': ADMIN_AND_MANAGER,
  'workOrders.freeComeback': DESK,
  'workOrders.openJobOfDevice': DESK,
  'warranty.lookup': REPAIR_STAFF,
  'warranty.evaluate': REPAIR_STAFF,
  'warranty.register': DESK,
  'warranty.exchange': ADMIN_AND_MANAGER,
  'warranty.refund': ADMIN_AND_MANAGER,
  // An accessory's exchange is a 三包 remedy like the unit's: the same people give it.
  'warranty.exchangeAccessory': ADMIN_AND_MANAGER,
  'warranty.refundAccessory': ADMIN_AND_MANAGER,
  'warranty.accessoryRemedy': REPAIR_STAFF,
  'warranty.policies': 'signedIn',
  'warranty.models': ADMIN_AND_MANAGER,
  'warranty.savePolicy': ADMIN_AND_MANAGER,
  // Importing dealers' registry files is back-office work.
  'warranty.importStart': ADMIN_AND_MANAGER,
  'warranty.importChunk': ADMIN_AND_MANAGER,
  'warranty.importPreview': ADMIN_AND_MANAGER,
  'warranty.importRun': ADMIN_AND_MANAGER,
  'warranty.importStatus': ADMIN_AND_MANAGER,
  'warranty.importRejectedFile': ADMIN_AND_MANAGER,
  'warranty.importCancel': ADMIN_AND_MANAGER,
  'codes.list': 'signedIn',
  'codes.save': ADMIN_AND_MANAGER,
  // Everyone may look parts up: the bench asks for them, the desk quotes them.
  'parts.search': 'signedIn',
  'parts.get': 'signedIn',
  'parts.find': 'signedIn',
  'parts.create': STOCK,
  'parts.update': STOCK,
  'parts.receive': STOCK,
  'parts.adjust': STOCK,
  'parts.adjustments': STOCK,
  'parts.decideAdjustment': ADMIN_AND_MANAGER,
  'parts.movements': STOCK,
  'parts.serialsOnHand': SERIAL_PICKERS,
  'parts.lowStock': STOCK,
  'parts.valuation': STOCK,
  'parts.verifyLedger': ADMIN_AND_MANAGER,
  'parts.export': STOCK,
  'workOrderParts.get': 'signedIn',
  'workOrderParts.request': BENCH,
  'workOrderParts.cancelRequest': BENCH,
  'workOrderParts.openRequests': STOCK,
  'workOrderParts.issue': STOCK,
  'workOrderParts.return': STOCK,
  'faultyParts.list': STOCK,
  'faultyParts.batches': STOCK,
  'faultyParts.batch': STOCK,
  'faultyParts.packingList': STOCK,
  'faultyParts.pack': STOCK,
  'faultyParts.ship': STOCK,
  'faultyParts.credit': STOCK,
  'faultyParts.takeOut': STOCK,
  'faultyParts.cancelBatch': STOCK,
  'stocktakes.list': STOCK,
  'stocktakes.start': STOCK,
  'stocktakes.get': STOCK,
  'stocktakes.count': STOCK,
  'stocktakes.post': STOCK,
  'stocktakes.cancel': STOCK,
  // The counter takes the money; a manager corrects a paid invoice and closes the day.
  'checkout.draft': DESK,
  'checkout.pay': DESK,
  'checkout.get': DESK,
  'checkout.forWorkOrder': DESK,
  'checkout.recordTaxInvoice': DESK,
  'checkout.creditNote': ADMIN_AND_MANAGER,
  'checkout.claims': DESK,
  'checkout.markClaim': ADMIN_AND_MANAGER,
  'checkout.fileClaims': ADMIN_AND_MANAGER,
  'checkout.exportClaims': ADMIN_AND_MANAGER,
  'dayClose.preview': DESK,
  'dayClose.close': ADMIN_AND_MANAGER,
  'dayClose.get': DESK,
  'dayClose.list': DESK,
  'counterSales.sell': DESK,
  'counterSales.get': DESK,
  'counterSales.refund': ADMIN_AND_MANAGER,
  'printing.settings': 'signedIn',
  'printing.saveSettings': ADMIN_AND_MANAGER,
  'printing.printers': 'signedIn',
  'printing.print': 'signedIn',
  'printing.count': 'signedIn',
  'printing.workOrderDocument': 'signedIn',
  'dataExport.shop': ADMIN,
  'dataExport.customer': ADMIN_AND_MANAGER,
  // A manager sees and takes backups; only an admin chooses where they go or puts one back.
  'backups.list': ADMIN_AND_MANAGER,
  'backups.takeNow': ADMIN_AND_MANAGER,
  'backups.health': ADMIN_AND_MANAGER,
  'backups.settings': ADMIN_AND_MANAGER,
  'backups.saveSettings': ADMIN,
  'backups.previewRestore': ADMIN,
  'backups.restore': ADMIN,
  // The counter sees what a restore dropped where it meets it; a manager says it was dealt with.
  'backups.droppedMoney': REPAIR_STAFF,
  'backups.markDroppedMoneyDealtWith': ADMIN_AND_MANAGER,
  'customerContact.settings': 'signedIn',
  'dashboard.get': 'signedIn',
  'customerContact.saveSettings': ADMIN_AND_MANAGER,
  // The counter tells customers their device is ready and makes the follow-up calls.
  'customerContact.readyMessage': DESK,
  'customerContact.copyReadyMessage': DESK,
  'customerContact.markNotified': DESK,
  'customerContact.followUps': DESK,
  'customerContact.recordCall': DESK,
  // Complaints are the manager's to handle; the counter may record one and see the list.
  'customerContact.complaints': DESK,
  'customerContact.openComplaint': DESK,
  'customerContact.moveComplaint': ADMIN_AND_MANAGER,
  // Managers watch the sync with HQ and start one; only an admin enrols the shop.
  'sync.status': ADMIN_AND_MANAGER,
  'sync.now': ADMIN_AND_MANAGER,
  'sync.sendAgain': ADMIN_AND_MANAGER,
  'sync.readCertificate': ADMIN,
  'sync.enrol': ADMIN,
  // A desk pairs with a code an admin read out; it has no session yet (throttled per source).
  'desks.pair': 'public',
  'desks.list': ADMIN,
  'desks.pairingCode': ADMIN,
  'desks.rename': ADMIN,
  'desks.revoke': ADMIN,
  'network.status': ADMIN,
  'network.setLanListening': ADMIN,
  // The manager runs the shop by the reports and follows the corrective actions through.
  'reports.run': ADMIN_AND_MANAGER,
  'reports.filterOptions': ADMIN_AND_MANAGER,
  'reports.export': ADMIN_AND_MANAGER,
  'reports.faultActions': ADMIN_AND_MANAGER,
  'reports.saveFaultAction': ADMIN_AND_MANAGER
}

/** Operations a session may still call after idle auto-lock, before the password is typed again. */
export const ALLOWED_WHILE_LOCKED: ReadonlySet<OperationName> = new Set(['auth.session', 'auth.unlock', 'auth.signOut'])

export function roleMayCall(role: Role, operation: OperationName): boolean {
  const access = permissions[operation]
  if (access === 'public' || access === 'signedIn') return true
  return access.includes(role)
}

/**
 * Operations that change nothing: every other operation is a write. A desk sends a request id
 * (`X-Request-Id`) with every write, and the shop server answers a retried id with the stored
 * result instead of applying the write again (features/desks/requestLog.ts). Unlisted means write,
 * so a new operation is safe by default.
 */
export const READ_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>([
  'setup.status',
  'auth.session',
  'users.list',
  'settings.get',
  'audit.list',
  'audit.actions',
  'audit.actors',
  'customers.search',
  'customers.get',
  'devices.findBySerial',
  'devices.history',
  'workOrders.get',
  'workOrders.list',
  'workOrders.board',
  'workOrders.technicians',
  'workOrders.approvals',
  'workOrders.freeComeback',
  'workOrders.openJobOfDevice',
  'warranty.lookup',
  'warranty.evaluate',
  'warranty.accessoryRemedy',
  'warranty.policies',
  'warranty.models',
  'warranty.importPreview',
  'warranty.importStatus',
  'warranty.importRejectedFile',
  'codes.list',
  'parts.search',
  'parts.get',
  'parts.find',
  'parts.adjustments',
  'parts.movements',
  'parts.serialsOnHand',
  'parts.lowStock',
  'parts.valuation',
  'parts.verifyLedger',
  'parts.export',
  'workOrderParts.get',
  'workOrderParts.openRequests',
  'faultyParts.list',
  'faultyParts.batches',
  'faultyParts.batch',
  'faultyParts.packingList',
  'stocktakes.list',
  'stocktakes.get',
  'checkout.draft',
  'checkout.get',
  'checkout.forWorkOrder',
  'dayClose.preview',
  'dayClose.get',
  'dayClose.list',
  'counterSales.get',
  'printing.settings',
  'printing.printers',
  'printing.count',
  'printing.workOrderDocument',
  'dataExport.shop',
  'dataExport.customer',
  'backups.list',
  'backups.health',
  'backups.settings',
  'backups.previewRestore',
  'backups.droppedMoney',
  'desks.list',
  'network.status',
  'customerContact.settings',
  'customerContact.readyMessage',
  'customerContact.followUps',
  'customerContact.complaints',
  'sync.status',
  'dashboard.get',
  'sync.readCertificate',
  'checkout.claims',
  'checkout.exportClaims',
  'settings.desk',
  'reports.run',
  'reports.filterOptions',
  'reports.export',
  'reports.faultActions'
])

/**
 * Writes whose answer carries a secret (a session token, a desk credential): the server does not
 * keep their answer for replay, so a retried one runs again (a second sign-in; a used pairing code
 * is refused, and so is a second first-run: the person signs in instead).
 */
export const WRITES_NEVER_REPLAYED: ReadonlySet<OperationName> = new Set<OperationName>([
  'setup.initialize',
  'auth.signIn',
  'auth.unlock',
  'desks.pair',
  'desks.pairingCode'
])

export function isWriteOperation(operation: OperationName): boolean {
  return !READ_OPERATIONS.has(operation)
}
