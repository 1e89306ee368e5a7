import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input, PartFound, WorkOrderParts } from '../../../src-shared/contract'
import { call } from '../../api/client'

/**
 * The parts of the work order on screen: what its technician asked for and what the warehouse
 * gave it. Every action shows the parts as the main process returns them.
 */
export const useWorkOrderPartsStore = defineStore('workOrderParts', () => {
  const parts = ref<WorkOrderParts | null>(null)
  // Opening another order while an answer is on its way: the older answer must not win.
  let latest = 0

  async function load(workOrderId: string): Promise<void> {
    const ticket = ++latest
    if (parts.value?.workOrderId !== workOrderId) parts.value = null
    const answer = await call('workOrderParts.get', { workOrderId })
    if (ticket === latest) parts.value = answer
  }

  async function show(answer: Promise<WorkOrderParts>): Promise<void> {
    const ticket = ++latest
    const result = await answer
    if (ticket === latest) parts.value = result
  }

  const request = (input: Input<'workOrderParts.request'>) => show(call('workOrderParts.request', input))
  const cancelRequest = (requestId: string, reason: string) =>
    show(call('workOrderParts.cancelRequest', { requestId, reason }))
  const returnUnused = (lineId: string, quantity: number) => show(call('workOrderParts.return', { lineId, quantity }))

  /** Search as you type for the request form: the parts for the job's device come first. */
  async function searchParts(workOrderId: string, query: string): Promise<PartFound[]> {
    const page = { page: 1, pageSize: 20 }
    return (await call('parts.search', { query, workOrderId, lowOnly: false, includeInactive: false, ...page })).rows
  }

  return { parts, load, request, cancelRequest, returnUnused, searchParts }
})
