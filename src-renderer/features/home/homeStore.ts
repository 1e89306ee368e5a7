import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Dashboard } from '../../../src-shared/contract'
import type { BackupHealth } from '../../../src-shared/contract/backups'
import type { SyncStatus } from '../../../src-shared/contract/sync'
import { call } from '../../api/client'
import { useSessionStore } from '../auth/sessionStore'

/** The home's tiles for the signed-in role, with the manager's approvals, backup and sync health. */
export const useHomeStore = defineStore('home', () => {
  const session = useSessionStore()
  const dashboard = ref<Dashboard | null>(null)
  const approvals = ref<number | null>(null)
  const backups = ref<BackupHealth | null>(null)
  const sync = ref<SyncStatus | null>(null)

  async function load(): Promise<void> {
    const [tiles, waiting, backupHealth, syncStatus] = await Promise.all([
      call('dashboard.get', {}),
      session.may('workOrders.approvals') ? call('workOrders.approvals', {}) : null,
      session.may('backups.health') ? call('backups.health', {}) : null,
      session.may('sync.status') ? call('sync.status', {}) : null
    ])
    dashboard.value = tiles
    approvals.value = waiting === null ? null : waiting.length
    backups.value = backupHealth
    sync.value = syncStatus
  }

  return { dashboard, approvals, backups, sync, load }
})
