import type { ColumnType } from 'kysely'

/** timestamptz: written as ISO text or Date, read as Date (see connection.ts for the parsers). */
type Timestamp = ColumnType<Date, string | Date, string | Date>
/** jsonb: written as JSON text, read as the parsed value. */
type Json = ColumnType<unknown, string, string>
/** A column with a DEFAULT in the schema: may be left out of an insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>
/** seq columns are set by a trigger; the placeholder written is replaced. */
type Seq = ColumnType<number, number | undefined, never>

export interface StaffUsersTable {
  id: string
  username: string
  displayName: string
  role: 'networkAdmin' | 'claimsReviewer' | 'analyst'
  passwordHash: string
  active: Defaulted<boolean>
  createdAt: Timestamp
}

export interface StaffSessionsTable {
  tokenHash: string
  userId: string
  createdAt: Timestamp
  expiresAt: Timestamp
}

export interface ShopsTable {
  id: string
  name: string
  status: 'registered' | 'active' | 'revoked'
  enrolCodeHash: string | null
  enrolCodeExpiresAt: Timestamp | null
  keyHash: string | null
  enrolledAt: Timestamp | null
  enrolledName: Defaulted<string>
  appVersion: Defaulted<string>
  revokedAt: Timestamp | null
  lastContactAt: Timestamp | null
  createdAt: Timestamp
}

export interface PushedBatchesTable {
  shopId: string
  batchId: string
  changeCount: number
  appliedCount: number
  receivedAt: Timestamp
}

export interface AppliedChangesTable {
  shopId: string
  changeId: string
  batchId: string
}

export interface ShopRecordsTable {
  shopId: string
  entity: string
  entityId: string
  deleted: boolean
  payload: Json | null
  at: Timestamp
  changeId: string
  receivedAt: Timestamp
}

export type ClaimStatus = 'pending' | 'approved' | 'rejected' | 'moreInfo'

export interface ClaimsTable {
  shopId: string
  claimId: string
  workOrderId: Defaulted<string>
  workOrderNumber: Defaulted<string>
  invoiceNumber: Defaulted<string>
  claimedFen: number
  serial: Defaulted<string>
  brand: Defaulted<string>
  model: Defaulted<string>
  categoryKey: Defaulted<string>
  faultCode: Defaulted<string>
  component: Defaulted<string>
  payload: Json
  claimedAt: Timestamp
  status: ClaimStatus
  reason: Defaulted<string>
  labourFen: Defaulted<number>
  partsFen: Defaulted<number>
  approvedFen: Defaulted<number>
  decidedBy: string | null
  decidedAt: Timestamp | null
  receivedAt: Timestamp
  /** What the brand paid on the approved claim; null until it is paid. */
  paidFen: number | null
  paidReference: Defaulted<string>
  paidBy: string | null
  paidAt: Timestamp | null
}

export interface ReturnBatchesTable {
  shopId: string
  batchId: string
  number: Defaulted<string>
  shopStatus: string
  carrier: Defaulted<string>
  trackingNumber: Defaulted<string>
  items: Json
  shippedAt: Timestamp | null
  hqStatus: 'received' | 'credited' | null
  creditedFen: Defaulted<number>
  creditReference: Defaulted<string>
  receivedAt: Timestamp | null
  creditedAt: Timestamp | null
  updatedAt: Timestamp
}

interface Pulled {
  deleted: ColumnType<boolean, boolean | undefined, boolean>
  seq: Seq
}

export interface RegistryUnitsTable extends Pulled {
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

export interface WarrantyPoliciesTable extends Pulled {
  id: string
  categoryKey: string | null
  brand: string | null
  model: string | null
  effectiveFrom: string
  policy: Json
  note: string
}

export interface CataloguePartsTable extends Pulled {
  partNumber: string
  name: string
  description: string
  unit: string
  claimPriceFen: number
  retailPriceFen: number
  returnFaulty: boolean
  serialTracked: boolean
}

export interface FaultCodesTable extends Pulled {
  list: string
  code: string
  label: string
  active: boolean
  component: string | null
  voidsWarranty: string | null
}

export interface ServiceBulletinsTable extends Pulled {
  id: string
  title: string
  body: string
  models: Json
  publishedAt: Timestamp
}

export interface ClaimDecisionsTable {
  shopId: string
  claimId: string
  status: 'approved' | 'rejected' | 'moreInfo'
  reason: string
  approvedFen: number
  decidedAt: Timestamp
  paidFen: number | null
  paidReference: Defaulted<string>
  paidAt: Timestamp | null
  seq: Seq
}

export interface ReturnBatchStatusTable {
  shopId: string
  batchId: string
  status: 'received' | 'credited'
  creditedFen: number
  creditReference: string
  at: Timestamp
  seq: Seq
}

export interface LabourRatesTable {
  categoryKey: string
  labourFen: number
}

export interface HqDatabase {
  staffUsers: StaffUsersTable
  staffSessions: StaffSessionsTable
  shops: ShopsTable
  pushedBatches: PushedBatchesTable
  appliedChanges: AppliedChangesTable
  shopRecords: ShopRecordsTable
  claims: ClaimsTable
  returnBatches: ReturnBatchesTable
  registryUnits: RegistryUnitsTable
  warrantyPolicies: WarrantyPoliciesTable
  catalogueParts: CataloguePartsTable
  faultCodes: FaultCodesTable
  serviceBulletins: ServiceBulletinsTable
  claimDecisions: ClaimDecisionsTable
  returnBatchStatus: ReturnBatchStatusTable
  labourRates: LabourRatesTable
}
