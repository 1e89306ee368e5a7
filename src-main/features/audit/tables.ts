export interface AuditLogTable {
  id: string
  at: string
  actorId: string | null
  action: string
  entity: string
  entityId: string | null
  beforeJson: string | null
  afterJson: string | null
}

export interface AuditTables {
  auditLog: AuditLogTable
}
