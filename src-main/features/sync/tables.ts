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

export interface SyncTables {
  outbox: OutboxTable
}
