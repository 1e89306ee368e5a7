import type { Generated } from 'kysely'

export interface OutboxTable {
  seq: Generated<number>
  id: string
  at: string
  entity: string
  entityId: string
  operation: string
  payloadJson: string
  sentAt: string | null
}

export interface HqConnectionTable {
  id: number
  hqUrl: string
  fingerprint: string
  shopId: string
  hqName: string
  sealedKey: string
  enrolledAt: string
  enrolledBy: string | null
  lastSuccessAt: string | null
  lastAttemptAt: string | null
  /** A sync error message key (sync.problem.*), shown in plain words on the sync page. */
  lastError: string | null
  lastErrorAt: string | null
  failures: number
}

export interface HqPushBatchesTable {
  batchId: string
  firstSeq: number
  lastSeq: number
  changeCount: number
  createdAt: string
  ackedAt: string | null
  /** When HQ last refused the batch, what it said (`CODE: key field=…`) and the change it named. */
  refusedAt: string | null
  refusal: string | null
  refusedChangeId: string | null
}

export interface HqPullCursorsTable {
  tableName: string
  cursor: number
  remaining: number
  updatedAt: string
}

/** A row pulled from HQ that the shop would not apply, with why (migration 66). */
export interface HqPulledRowsRefusedTable {
  tableName: string
  rowKey: string
  /** The shop's own name for the record (a job number), for the sync page. */
  record: string
  reason: string
  detailsJson: string
  /** HQ's row as it came, kept for HQ's support. */
  rowJson: string
  refusedAt: string
}

export interface HqCataloguePricesTable {
  partNumber: string
  claimPriceFen: number
  retailPriceFen: number
  updatedAt: string
}

export interface ServiceBulletinsTable {
  id: string
  title: string
  body: string
  modelsJson: string
  publishedAt: string
  receivedAt: string
}

export interface HqClaimDecisionsTable {
  claimId: string
  status: 'approved' | 'rejected' | 'moreInfo'
  reason: string
  approvedFen: number
  decidedAt: string
  receivedAt: string
  /** What the brand paid on the approved claim, as HQ recorded it; null until paid. */
  paidFen: number | null
  paidReference: Generated<string>
  paidAt: string | null
}

export interface HqReturnBatchStatusTable {
  batchId: string
  status: 'received' | 'credited'
  creditedFen: number
  creditReference: string
  at: string
  receivedAt: string
}

export interface SyncTables {
  outbox: OutboxTable
  hqConnection: HqConnectionTable
  hqPushBatches: HqPushBatchesTable
  hqPullCursors: HqPullCursorsTable
  hqPulledRowsRefused: HqPulledRowsRefusedTable
  hqCataloguePrices: HqCataloguePricesTable
  serviceBulletins: ServiceBulletinsTable
  hqClaimDecisions: HqClaimDecisionsTable
  hqReturnBatchStatus: HqReturnBatchStatusTable
}
