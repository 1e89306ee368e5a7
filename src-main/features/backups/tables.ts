import type { DroppedMoneyKind } from '../../../src-shared/contract/backups'
import type { PaymentMethod } from '../../../src-shared/domain/invoice'

/** A money record a restore dropped (restore_dropped_money, backups/migrations.ts). */
export interface RestoreDroppedMoneyTable {
  id: string
  backupName: string
  restoredAt: string
  recordId: string
  kind: DroppedMoneyKind
  amountFen: number
  method: PaymentMethod | null
  documentNumber: string
  workOrderId: string | null
  workOrderNumber: string | null
  refundsDocumentId: string | null
  customerName: string
  at: string
  byName: string | null
  dayCloseNumber: string | null
  dealtWithAt: string | null
  dealtWithBy: string | null
  dealtWithNote: string
}

export interface BackupsTables {
  restoreDroppedMoney: RestoreDroppedMoneyTable
}
