export interface DesksTable {
  id: string
  name: string
  credentialHash: string
  pairedAt: string
  pairedBy: string | null
  lastSeenAt: string | null
  revokedAt: string | null
  revokedBy: string | null
}

export interface DeskPairingCodesTable {
  codeHash: string
  createdAt: string
  expiresAt: string
  createdBy: string
  usedAt: string | null
  usedByDesk: string | null
}

export interface RequestLogTable {
  deskId: string
  requestId: string
  operation: string
  resultJson: string
  at: string
}

export interface DesksTables {
  desks: DesksTable
  deskPairingCodes: DeskPairingCodesTable
  requestLog: RequestLogTable
}
