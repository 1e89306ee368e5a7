import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { BoardColumn, Technician, WorkOrderSummary } from '../../../src-shared/contract'
import type { ServiceType } from '../../../src-shared/domain/repairTypes'
import type { WorkOrderStatus } from '../../../src-shared/domain/workOrderStatus'
import { call } from '../../api/client'
import { usePagedList } from '../../ui/pagedList'

/** The home's queues a tile opens the list on; the list shows each set one as a removable chip. */
export const QUEUE_FILTERS = ['promisedToday', 'comebacks', 'stuck'] as const
export type QueueFilter = (typeof QUEUE_FILTERS)[number]

/** The work-order list and board, with the filters the desk and the bench use. */
export const useWorkOrdersStore = defineStore('workOrders', () => {
  const filters = reactive({
    search: '',
    statuses: [] as WorkOrderStatus[],
    technicianId: undefined as string | undefined,
    serviceType: undefined as ServiceType | undefined,
    days: null as [string, string] | null,
    overdue: false,
    mine: false,
    promisedToday: false,
    comebacks: false,
    stuck: false
  })
  const list = usePagedList<WorkOrderSummary>((page, pageSize) => {
    const [fromDate, toDate] = filters.days ?? []
    const { days: _days, ...rest } = filters
    return call('workOrders.list', { ...rest, fromDate, toDate, page, pageSize })
  })

  const board = ref<BoardColumn[]>([])
  const boardMine = ref(false)
  async function loadBoard(): Promise<void> {
    board.value = await call('workOrders.board', { mine: boardMine.value })
  }

  const technicians = ref<Technician[]>([])
  async function loadTechnicians(): Promise<void> {
    technicians.value = await call('workOrders.technicians', {})
  }

  const approvals = ref<WorkOrderSummary[]>([])
  async function loadApprovals(): Promise<void> {
    approvals.value = await call('workOrders.approvals', {})
  }

  return { filters, ...list, board, boardMine, loadBoard, technicians, loadTechnicians, approvals, loadApprovals }
})
