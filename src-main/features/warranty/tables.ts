import type { RemedyRule } from '../../../src-shared/domain/warranty/evaluate'
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
  source: 'counter' | 'import' | 'exchange'
  createdAt: string
  updatedAt: string
}

export interface WarrantyImportRowsTable {
  jobId: string
  line: number
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

export interface WarrantyTables {
  productCategories: ProductCategoriesTable
  productModels: ProductModelsTable
  warrantyPolicies: WarrantyPoliciesTable
  warrantyUnits: WarrantyUnitsTable
  warrantyImportRows: WarrantyImportRowsTable
}
