import { authContract } from './auth'
import { auditContract } from './audit'
import { settingsContract } from './settings'
import { setupContract } from './setup'
import { usersContract } from './users'
import { customersContract } from './customers'
import { devicesContract } from './customers/devices'
import { workOrdersContract } from './workOrders'
import { codesContract } from './workOrders/codes'
import { warrantyContract } from './warranty'
import { partsContract } from './parts'
import { workOrderPartsContract } from './parts/workOrderParts'
import { faultyPartsContract } from './parts/faultyParts'
import { stocktakesContract } from './parts/stocktakes'
import { checkoutContract } from './checkout'
import { dayCloseContract } from './checkout/dayClose'
import { counterSalesContract } from './checkout/counterSales'
import { printingContract } from './printing'
import { dataExportContract } from './dataExport'
import { backupsContract } from './backups'
import { customerContactContract } from './customerContact'
import { dashboardContract } from './dashboard'
import { syncContract } from './sync'
import { desksContract } from './desks'
import { networkContract } from './desks/network'
import { reportsContract } from './reports'
import type { InputOf, OutputOf, ParsedInputOf } from './operation'

/** Every operation the UI can ask for, declared once. Hosts and the client are derived from this. */
export const contract = {
  ...setupContract,
  ...authContract,
  ...usersContract,
  ...settingsContract,
  ...auditContract,
  ...customersContract,
  ...devicesContract,
  ...workOrdersContract,
  ...codesContract,
  ...warrantyContract,
  ...partsContract,
  ...workOrderPartsContract,
  ...faultyPartsContract,
  ...stocktakesContract,
  ...checkoutContract,
  ...dayCloseContract,
  ...counterSalesContract,
  ...printingContract,
  ...dataExportContract,
  ...backupsContract,
  ...customerContactContract,
  ...dashboardContract,
  ...syncContract,
  ...desksContract,
  ...networkContract,
  ...reportsContract
}

export type Contract = typeof contract
export type OperationName = keyof Contract
export type Input<K extends OperationName> = InputOf<Contract[K]>
export type ParsedInput<K extends OperationName> = ParsedInputOf<Contract[K]>
export type Output<K extends OperationName> = OutputOf<Contract[K]>

export const OPERATION_NAMES = Object.keys(contract) as OperationName[]

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

export * from './errors'
export type { Device, JobWaiting, Page, WorkOrderSummary } from './common'
export type { CurrentUser, SessionInfo, SignInResult } from './auth'
export type { ShopProfile, ShopSettings } from './settings'
export type { UserSummary } from './users'
export type {
  CallResult,
  Complaint,
  ComplaintEvent,
  ContactSettings,
  FollowUp,
  ReadyMessage,
  ReadyNotice
} from './customerContact'
export type { AuditActor, AuditEntry } from './audit'
export type { Customer, CustomerComplaint, CustomerFile, CustomerPayment, RecentRecords } from './customers'
export type { CodeEntry } from './workOrders/codes'
export type {
  ProductModel,
  WarrantyUnit,
  WarrantyVerdict,
  WarrantyLookup,
  AccessoryRemedy,
  AccessorySlip,
  PolicyVersion,
  ListedPolicyVersion,
  ImportPreview,
  ImportStatus,
  ImportRejection,
  ImportField
} from './warranty'
export type {
  PartSummary,
  PartFound,
  Part,
  SerialOnHand,
  StockMovement,
  ReorderLine,
  Valuation,
  ValuationLine,
  StockAdjustment,
  LedgerCheck,
  ExportList,
  ReceivedDelivery,
  WaitingRequest
} from './parts'
export type {
  PartRequest,
  PartRequestCancellation,
  WorkOrderPartRequest,
  IssuedPartLine,
  WorkOrderParts,
  OpenPartRequest,
  IssuedToWorkOrder
} from './parts/workOrderParts'
export type {
  FaultyPart,
  FaultyPartStatus,
  PackingList,
  PackingListLine,
  ReturnBatch,
  ReturnBatchStatus
} from './parts/faultyParts'
export type { Invoice, InvoiceLine, Payment, CheckoutDraft, PaymentKind } from './checkout'
export type {
  DayClosePreview,
  DayCloseReport,
  DayCloseSummary,
  ReEnteredPayment,
  UnpaidHandOver
} from './checkout/dayClose'
export type { CounterSale, CounterSaleLine } from './checkout/counterSales'
export type { PrintSettings, PrintSetting, PrinterInfo, WorkOrderPrintData } from './printing'
export type { Stocktake, StocktakeLine, StocktakeSummary, StocktakeScope } from './parts/stocktakes'
export type {
  WorkOrderDetail,
  FreeComeback,
  OpenJobOfDevice,
  LabourLine,
  Quote,
  TimelineEvent,
  TimelineQuote,
  TimelinePart,
  BoardColumn,
  Technician,
  ArrivalCondition,
  AccessoriesLeft
} from './workOrders'
export type {
  Dashboard,
  FrontDeskTiles,
  TechnicianTiles,
  WarehouseTiles,
  ManagerTiles,
  WaitingPickUp
} from './dashboard'
