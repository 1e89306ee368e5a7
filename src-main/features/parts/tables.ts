import type { Generated } from 'kysely'
import type { ReturnBatchStatus } from '../../../src-shared/contract/parts/faultyParts'

export interface PartsTable {
  id: string
  partNumber: string
  name: string
  description: string
  unit: string
  binLocation: string
  sellingPriceFen: number
  averageCostFen: number
  onHand: number
  stockValueFen: number
  reorderPoint: number
  reorderQuantity: number
  serialTracked: number
  returnFaulty: number
  active: number
  searchText: string
  createdAt: string
  /** Moves with every change to the row, stock movements included. */
  updatedAt: string
  /** The catalogue record's version: moves only when the record itself is saved (an edit, HQ's catalogue). */
  editedAt: string
}

export interface PartBarcodesTable {
  barcode: string
  partId: string
}

export interface PartModelsTable {
  partId: string
  modelId: string
}

export interface WorkOrderPartRequestsTable {
  id: string
  workOrderId: string
  partId: string
  quantity: number
  issuedQuantity: number
  note: string
  status: 'open' | 'issued' | 'cancelled'
  requestedBy: string | null
  requestedAt: string
  closedAt: string | null
  /** Who cancelled it: by hand, or the one who closed its job. */
  cancelledBy: string | null
  /** The status its job closed to, when it was withdrawn because the job closed; null when cancelled by hand. */
  closedWithJob: string | null
  /** Why it was cancelled by hand; empty when withdrawn with its job or cancelled before reasons were kept. */
  cancelReason: string
}

export interface WorkOrderPartsTable {
  id: string
  workOrderId: string
  partId: string
  requestId: string | null
  serial: string | null
  quantity: number
  returnedQuantity: number
  unitPriceFen: number
  unitCostFen: number
  costValueFen: number
  returnedValueFen: number
  issuedBy: string | null
  issuedAt: string
}

export interface StockMovementsTable {
  seq: Generated<number>
  id: string
  partId: string
  at: string
  kind: string
  quantity: number
  unitCostFen: number
  valueFen: number
  balanceAfter: number
  reference: string
  reason: string
  serial: string | null
  workOrderId: string | null
  workOrderPartId: string | null
  actorId: string | null
  /** A receipt's supplier ('' when none was typed) and delivery note; NULL on other lines and older receipts. */
  deliverySupplier: string | null
  deliveryNote: string | null
}

export interface StockAdjustmentsTable {
  id: string
  partId: string
  kind: 'adjust' | 'scrap' | 'faulty_return'
  quantity: number
  valueFen: number
  reason: string
  /** The unit of a serial-tracked part the adjustment moves; null for any other. */
  serial: string | null
  status: 'pending' | 'posted' | 'rejected'
  ledgerSeq: number
  requestedBy: string | null
  requestedAt: string
  decidedBy: string | null
  decidedAt: string | null
}

export interface ReturnBatchesTable {
  id: string
  number: string
  status: ReturnBatchStatus
  carrier: string
  trackingNumber: string
  creditReference: string
  createdBy: string | null
  createdAt: string
  shippedAt: string | null
  creditedAt: string | null
  /** Who cancelled it before it shipped, and when (migration 69); null on a batch not cancelled. */
  cancelledBy: string | null
  cancelledAt: string | null
}

export interface FaultyPartsTable {
  id: string
  /** the warranty job the part was replaced in; null for an accessory exchanged at the counter */
  workOrderId: string | null
  workOrderPartId: string | null
  /** the 三包 accessory exchange that took the faulty accessory back, and its PJ slip number */
  accessoryRemedyId: string | null
  slipNumber: string | null
  partId: string
  serial: string | null
  quantity: number
  status: 'awaiting' | 'packed' | 'shipped' | 'credited' | 'cancelled'
  batchId: string | null
  createdAt: string
  updatedAt: string
}

export interface StocktakesTable {
  id: string
  number: string
  scopeJson: string
  note: string
  status: 'counting' | 'posted' | 'cancelled'
  blind: number
  startedBy: string | null
  startedAt: string
  postedBy: string | null
  postedAt: string | null
}

export interface StocktakeLinesTable {
  stocktakeId: string
  partId: string
  snapshotQuantity: number
  countedQuantity: number | null
  bookQuantityAtCount: number | null
  ledgerSeqAtCount: number | null
  countedAt: string | null
  countedBy: string | null
  recountNeeded: number
  postedAt: string | null
}

export interface PartsTables {
  parts: PartsTable
  partBarcodes: PartBarcodesTable
  partModels: PartModelsTable
  workOrderPartRequests: WorkOrderPartRequestsTable
  workOrderParts: WorkOrderPartsTable
  stockMovements: StockMovementsTable
  stockAdjustments: StockAdjustmentsTable
  returnBatches: ReturnBatchesTable
  faultyParts: FaultyPartsTable
  stocktakes: StocktakesTable
  stocktakeLines: StocktakeLinesTable
}
