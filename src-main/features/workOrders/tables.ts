import type { IntakeChannel, ServiceType, DecisionChannel } from '../../../src-shared/domain/repairTypes'
import type { WorkOrderStatus } from '../../../src-shared/domain/workOrderStatus'
import type { CustomerDecision, ManagerApproval } from '../../../src-shared/domain/quote'
import type { CodeEntriesTable } from './codes/tables'
import type { WaitingCause } from '../../../src-shared/domain/warranty/waiting'

export interface WorkOrdersTable {
  id: string
  number: string
  claimCode: string
  customerId: string
  deviceId: string
  serviceType: ServiceType
  intakeChannel: IntakeChannel
  status: WorkOrderStatus
  reportedFault: string
  symptomCode: string | null
  conditionJson: string
  accessoriesJson: string
  passcode: string | null
  estimateFen: number
  depositFen: number
  promisedDate: string | null
  technicianId: string | null
  faultLocationCode: string | null
  faultCauseCode: string | null
  diagnosis: string
  internalNote: string
  customerNote: string
  closeReason: string
  currentQuoteId: string | null
  reopenedFromId: string | null
  pickedUpAt: string | null
  pickedUpBy: string | null
  createdBy: string | null
  createdAt: string
  updatedAt: string
  /** when the fault appeared (shop calendar day); null on jobs from before it was recorded */
  faultDate?: string | null
  /** why a warranty repair is waiting, and since when (both null when it is not) */
  waitingCause?: WaitingCause | null
  waitingSince?: string | null
}

export interface WorkOrderLabourTable {
  id: string
  workOrderId: string
  description: string
  minutes: number
  priceFen: number
  createdBy: string | null
  createdAt: string
}

export interface QuotesTable {
  id: string
  workOrderId: string
  labourFen: number
  partsFen: number
  discountFen: number
  totalFen: number
  note: string
  createdBy: string | null
  createdAt: string
  customerDecision: CustomerDecision
  decisionChannel: DecisionChannel | null
  decidedAt: string | null
  decisionRecordedBy: string | null
  managerApproval: ManagerApproval
  managerId: string | null
  managerDecidedAt: string | null
}

export interface WorkOrderEventsTable {
  id: string
  workOrderId: string
  at: string
  actorId: string | null
  kind: string
  fromStatus: WorkOrderStatus | null
  toStatus: WorkOrderStatus | null
  note: string
}

/** A device a manager let go before its job was checked out (shown on the day close). */
export interface UnpaidHandOversTable {
  id: string
  workOrderId: string
  linesFen: number
  depositHeldFen: number
  reason: string
  approvedBy: string
  handedOverBy: string
  at: string
}

/**
 * The FTS5 index search as you type reads (migration workOrderSearchFts): one row per order,
 * rowid = the order's rowid. Contentless: only rowid comes back; triggers alone write it.
 */
export interface WorkOrderSearchTable {
  rowid: number
  ids: string
  customer: string
}

/** The work order's record: the order, its labour, quotes and timeline, and the codes it is described with. */
export interface WorkOrderTables {
  workOrders: WorkOrdersTable
  workOrderLabour: WorkOrderLabourTable
  quotes: QuotesTable
  workOrderEvents: WorkOrderEventsTable
  codeEntries: CodeEntriesTable
  unpaidHandOvers: UnpaidHandOversTable
  workOrderSearch: WorkOrderSearchTable
}

/** The name db/schema.ts assembles the database with (repairs used to own these tables). */
export type RepairsTables = WorkOrderTables
