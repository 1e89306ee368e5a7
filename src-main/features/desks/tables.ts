import type { Generated } from 'kysely'

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
  /** 0 while a write claimed in its transaction waits for its answer (desks/requestLog.ts). */
  answered: Generated<number>
}

export interface DesksTables {
  desks: DesksTable
  deskPairingCodes: DeskPairingCodesTable
  requestLog: RequestLogTable
}
