import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  BackupCopy,
  BackupHealth,
  BackupList,
  BackupSettings,
  DroppedMoneyEntry,
  RestorePreview,
  RestoreResult
} from '../../../src-shared/contract/backups'
import { call } from '../../api/client'

/** The backup folder's copies, its settings and its health, as the server reports them. */
export const useBackupsStore = defineStore('backups', () => {
  const list = ref<BackupList | null>(null)
  const settings = ref<BackupSettings | null>(null)
  const health = ref<BackupHealth | null>(null)

  async function load(): Promise<void> {
    const [copies, saved] = await Promise.all([call('backups.list', {}), call('backups.settings', {})])
    list.value = copies
    settings.value = saved
  }

  async function loadHealth(): Promise<void> {
    health.value = await call('backups.health', {})
  }

  async function takeNow(): Promise<BackupCopy> {
    const copy = await call('backups.takeNow', {})
    await load()
    return copy
  }

  async function saveSettings(next: BackupSettings): Promise<void> {
    settings.value = await call('backups.saveSettings', next)
    list.value = await call('backups.list', {})
  }

  const previewRestore = (name: string): Promise<RestorePreview> => call('backups.previewRestore', { name })
  /** Every session ends with the restore, this one included: the next call leads to the sign-in page. */
  const restore = (name: string): Promise<RestoreResult> => call('backups.restore', { name })

  /** The money records restores dropped and no manager has dealt with yet: one job's, or the shop's. */
  const droppedMoney = (workOrderId?: string): Promise<DroppedMoneyEntry[]> =>
    call('backups.droppedMoney', workOrderId ? { workOrderId, includeDealtWith: false } : { includeDealtWith: false })
  const markDroppedMoneyDealtWith = (id: string, note: string, notReEntered = false): Promise<DroppedMoneyEntry> =>
    call('backups.markDroppedMoneyDealtWith', { id, note, notReEntered })

  return {
    list,
    settings,
    health,
    load,
    loadHealth,
    takeNow,
    saveSettings,
    previewRestore,
    restore,
    droppedMoney,
    markDroppedMoneyDealtWith
  }
})
