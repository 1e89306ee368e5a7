export interface AuditLogTable {
  id: string
  at: string
  actorId: string | null
  action: string
  entity: string
  entityId: string | null
  beforeJson: string | null
  afterJson: string | null
  /** The desk the action came from (features/desks); null for the shop server's own chores. */
  deskId: string | null
}

export interface AuditTables {
  auditLog: AuditLogTable
}
