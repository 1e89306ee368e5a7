import type { FaultActionStatus } from '../../../src-shared/contract/reports'

/** One row per work order, kept by triggers (see migrations.ts); the reports read only this. */
export interface ReportJobsTable {
  receivedAt: string
  workOrderId: string
  deviceId: string
  status: string
  serviceType: string
  technicianId: string | null
  brand: string
  model: string
  categoryKey: string | null
  faultLocationCode: string | null
  faultCauseCode: string | null
  reopenedFromId: string | null
  readyAt: string | null
  pickedUpAt: string | null
  readyMinutes: number | null
  pickupMinutes: number | null
  labourFen: number
  cameBack: number
}

export interface FaultActionsTable {
  id: string
  brand: string
  model: string
  componentCode: string | null
  faultCode: string | null
  owner: string
  action: string
  dueDate: string
  status: FaultActionStatus
  createdBy: string | null
  createdAt: string
  updatedAt: string
  closedAt: string | null
}

export interface ReportsTables {
  reportJobs: ReportJobsTable
  faultActions: FaultActionsTable
}
