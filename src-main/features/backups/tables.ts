import type { Generated } from 'kysely'
import type { DroppedMoneyRecord } from '../../../src-shared/contract/backups'

/**
 * A money record a restore dropped (restore_dropped_money, backups/migrations.ts): the record as
 * it read, the restore that dropped it, and the manager's dealing with it.
 */
export interface RestoreDroppedMoneyTable extends DroppedMoneyRecord {
  id: string
  backupName: string
  restoredAt: string
  dealtWithAt: string | null
  dealtWithBy: string | null
  dealtWithNote: string
  /** The manager's word, with the marking, that money a kept close counted will not be re-entered (1): it ties nothing. */
  notReEntered: Generated<number>
}

export interface BackupsTables {
  restoreDroppedMoney: RestoreDroppedMoneyTable
}
