import type { CodeList, IntakeChannel, ServiceType, DecisionChannel } from '../../../src-shared/domain/repairTypes'
import type { WorkOrderStatus } from '../../../src-shared/domain/workOrderStatus'
import type { CustomerDecision, ManagerApproval } from '../../../src-shared/domain/quote'
import type { VoidReason } from '../../../src-shared/domain/warranty/evaluate'

export interface CodeEntriesTable {
  list: CodeList
  code: string
  label: string
  active: number
  sortOrder: number
  /** For fault locations: the warranty component it is (battery, compressor…), if any. */
  component: string | null
  /** For fault causes: the reason the warranty is void when a job is diagnosed with it; null: it is not. */
  voidsWarranty: VoidReason | null
}

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

export interface RepairsTables {
  codeEntries: CodeEntriesTable
  workOrders: WorkOrdersTable
  workOrderLabour: WorkOrderLabourTable
  quotes: QuotesTable
  workOrderEvents: WorkOrderEventsTable
}
