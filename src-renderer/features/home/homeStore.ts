import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { WorkOrderStatus } from '../../../src-shared/domain/workOrderStatus'
import { call } from '../../api/client'
import { useSessionStore } from '../auth/sessionStore'

export interface WorkloadTile {
  status: WorkOrderStatus
  total: number
}

/** The numbers the home page opens with: open jobs by status (a technician's own), overdue, approvals. */
export const useHomeStore = defineStore('home', () => {
  const session = useSessionStore()
  const tiles = ref<WorkloadTile[]>([])
  const overdue = ref(0)
  const approvals = ref<number | null>(null)

  async function load(): Promise<void> {
    if (!session.may('workOrders.board')) return
    const mine = session.user?.role === 'technician'
    const [board, late] = await Promise.all([
      call('workOrders.board', { mine }),
      call('workOrders.list', { overdue: true, mine, pageSize: 1 })
    ])
    tiles.value = board.map((column) => ({ status: column.status, total: column.total }))
    overdue.value = late.total
    approvals.value = session.may('workOrders.approvals') ? (await call('workOrders.approvals', {})).length : null
  }

  return { tiles, overdue, approvals, load }
})
