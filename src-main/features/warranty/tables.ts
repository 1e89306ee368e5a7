import type { RemedyRule } from '../../../src-shared/domain/warranty/verdict'
export interface ProductCategoriesTable {
  key: string
  sortOrder: number
}

export interface ProductModelsTable {
  id: string
  brand: string
  model: string
  categoryKey: string
  createdAt: string
  /** the import that added the model to the catalogue, if one did */
  importId?: string | null
}

export interface WarrantyPoliciesTable {
  id: string
  categoryKey: string | null
  modelId: string | null
  effectiveFrom: string
  policyJson: string
  note: string
  createdBy: string | null
  createdAt: string
}

export interface WarrantyUnitsTable {
  id: string
  serial: string
  modelId: string
  cardNumber: string | null
  purchaseDate: string | null
  invoiceNumber: string
  dealer: string
  productionDate: string | null
  buyerName: string
  buyerPhone: string
  activationDate: string | null
  exchangedFromId: string | null
  exchangedOn: string | null
  /** on a unit given in an exchange: the rule that allowed it */
  exchangeRule?: RemedyRule | null
  /** the day the unit was taken back for a 三包 refund, and the rule that allowed it */
  refundedOn?: string | null
  refundRule?: RemedyRule | null
  source: 'counter' | 'import' | 'exchange'
  createdAt: string
  updatedAt: string
  /** the import that registered the unit, if one did */
  importId?: string | null
}

export interface WarrantyImportRowsTable {
  jobId: string
  line: number
  unitId: string
  serial: string
  brand: string
  model: string
  categoryKey: string
  cardNumber: string | null
  purchaseDate: string | null
  invoiceNumber: string
  dealer: string
  productionDate: string | null
  buyerName: string
  buyerPhone: string
  activationDate: string | null
}

/** A unit's registry values before an import under way changed them. */
export interface WarrantyImportUndoTable {
  jobId: string
  unitId: string
  modelId: string
  cardNumber: string | null
  purchaseDate: string | null
  invoiceNumber: string
  dealer: string
  productionDate: string | null
  buyerName: string
  buyerPhone: string
  activationDate: string | null
  updatedAt: string
}

/** An import being applied; its row goes in the transaction that finishes it. */
export interface WarrantyImportRunsTable {
  jobId: string
  startedAt: string
}

/** An accessory exchanged or refunded at the counter under its own 三包 (migration 52). */
export interface WarrantyAccessoryRemediesTable {
  id: string
  number: string
  unitId: string
  kind: 'exchange' | 'refund'
  component: string
  faultCode: string | null
  partId: string
  serial: string | null
  faultySerial: string | null
  /** a refund: what the customer was paid, and the till's payment that paid it */
  refundFen: number | null
  paymentId: string | null
  createdBy: string
  createdAt: string
}

export interface WarrantyTables {
  productCategories: ProductCategoriesTable
  productModels: ProductModelsTable
  warrantyPolicies: WarrantyPoliciesTable
  warrantyUnits: WarrantyUnitsTable
  warrantyImportRows: WarrantyImportRowsTable
  warrantyImportUndo: WarrantyImportUndoTable
  warrantyImportRuns: WarrantyImportRunsTable
  warrantyAccessoryRemedies: WarrantyAccessoryRemediesTable
}
