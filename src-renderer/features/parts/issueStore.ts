import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { OpenPartRequest, Part, WorkOrderParts } from '../../../src-shared/contract'
import { call } from '../../api/client'

/** The warehouse's queue of parts jobs are waiting for, oldest first, and issuing against it. */
export const useIssueStore = defineStore('partsIssue', () => {
  const queue = ref<OpenPartRequest[]>([])
  const loading = ref(false)
  let latest = 0

  async function load(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const rows = await call('workOrderParts.openRequests', {})
      if (ticket === latest) queue.value = rows
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  /** What a scanner read: a barcode or a part number. */
  function findPart(code: string): Promise<Part> {
    return call('parts.find', { code })
  }

  /** Issues and then shows the queue as it is now; a serial-tracked part goes with its serial. */
  async function issue(input: {
    workOrderId: string
    partId: string
    quantity: number
    serial: string | null
  }): Promise<WorkOrderParts> {
    const { serial, ...rest } = input
    const result = await call('workOrderParts.issue', serial ? { ...rest, serial } : rest)
    // The part is out either way; a queue that fails to refresh now is refreshed by the next load.
    await load().catch(() => undefined)
    return result
  }

  return { queue, loading, load, findPart, issue }
})
