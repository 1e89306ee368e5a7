import type { HandlerTable } from './handler'
import { setupHandlers } from '../features/setup/handlers'
import { authHandlers } from '../features/auth/handlers'
import { usersHandlers } from '../features/users/handlers'
import { settingsHandlers } from '../features/settings/handlers'
import { auditHandlers } from '../features/audit/handlers'
import { customersHandlers } from '../features/customers/handlers'
import { devicesHandlers } from '../features/customers/devices/handlers'
import { workOrdersHandlers } from '../features/workOrders/handlers'
import { codesHandlers } from '../features/workOrders/codes/handlers'
import { warrantyHandlers } from '../features/warranty/handlers'
import { warrantyImportHandlers } from '../features/warranty/import/handlers'
import { checkoutHandlers } from '../features/checkout/handlers'
import { dayCloseHandlers } from '../features/checkout/dayClose/handlers'
import { counterSalesHandlers } from '../features/checkout/counterSales/handlers'
import { printingHandlers } from '../features/printing/handlers'
import { dataExportHandlers } from '../features/dataExport/handlers'
import { partsHandlers } from '../features/parts/handlers'
import { workOrderPartsHandlers } from '../features/parts/workOrderParts/handlers'
import { faultyPartsHandlers } from '../features/parts/faultyParts/handlers'
import { stocktakesHandlers } from '../features/parts/stocktakes/handlers'
import { backupsHandlers } from '../features/backups/handlers'
import { customerContactHandlers } from '../features/customerContact/handlers'
import { dashboardHandlers } from '../features/dashboard/handlers'
import { syncHandlers } from '../features/sync/handlers'
import { desksHandlers } from '../features/desks/handlers'
import { networkHandlers } from '../features/desks/network/handlers'
import { reportsHandlers } from '../features/reports/handlers'
import { wireFeatures } from '../features/wiring'

// The features' ports are plugged in with the handler table: whoever can call a handler has them.
wireFeatures()

/** The handler table: the only thing a host knows about. Missing an operation is a type error. */
export const handlers: HandlerTable = {
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...customersHandlers,
  ...devicesHandlers,
  ...workOrdersHandlers,
  ...codesHandlers,
  ...warrantyHandlers,
  ...warrantyImportHandlers,
  ...partsHandlers,
  ...workOrderPartsHandlers,
  ...faultyPartsHandlers,
  ...stocktakesHandlers,
  ...checkoutHandlers,
  ...dayCloseHandlers,
  ...counterSalesHandlers,
  ...printingHandlers,
  ...dataExportHandlers,
  ...backupsHandlers,
  ...customerContactHandlers,
  ...dashboardHandlers,
  ...syncHandlers,
  ...desksHandlers,
  ...networkHandlers,
  ...reportsHandlers
}
