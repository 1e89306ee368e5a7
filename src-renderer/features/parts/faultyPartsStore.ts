import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { FaultyPart, ReturnBatch, ReturnBatchStatus } from '../../../src-shared/contract'
import { call } from '../../api/client'

/** Faulty parts owed to the brand and the return batches they travel in. */
export const useFaultyPartsStore = defineStore('faultyParts', () => {
  const owed = ref<FaultyPart[]>([])
  const batches = ref<ReturnBatch[]>([])
  /** The batches list's status filter; unset lists every batch, cancelled ones too. */
  const batchStatus = ref<ReturnBatchStatus | undefined>(undefined)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const [parts, list] = await Promise.all([
        call('faultyParts.list', { status: null, owedOnly: true }),
        call('faultyParts.batches', { status: batchStatus.value ?? null })
      ])
      owed.value = parts
      batches.value = list
    } finally {
      loading.value = false
    }
  }

  async function pack(faultyPartIds: string[]): Promise<ReturnBatch> {
    const batch = await call('faultyParts.pack', { faultyPartIds })
    await load()
    return batch
  }

  async function ship(batchId: string, carrier: string, trackingNumber: string): Promise<ReturnBatch> {
    const batch = await call('faultyParts.ship', { batchId, carrier, trackingNumber })
    await load()
    return batch
  }

  async function credit(batchId: string, creditReference: string): Promise<ReturnBatch> {
    const batch = await call('faultyParts.credit', { batchId, creditReference })
    await load()
    return batch
  }

  /** A part packed by mistake out of its batch; null when it was the last and the batch is cancelled. */
  async function takeOut(batchId: string, faultyPartId: string) {
    const corrected = await call('faultyParts.takeOut', { batchId, faultyPartId })
    await load()
    return corrected
  }

  async function cancelBatch(batchId: string) {
    const cancelled = await call('faultyParts.cancelBatch', { batchId })
    await load()
    return cancelled
  }

  function batch(id: string) {
    return call('faultyParts.batch', { id })
  }

  /** The owed list as an Excel workbook, with titles and statuses in the reader's language. */
  function exportOwed(title: string, columns: Record<string, string>, labels: Record<string, string>) {
    return call('parts.export', { list: 'faultyOwed', title, columns, labels })
  }

  return { owed, batches, batchStatus, loading, load, pack, ship, credit, takeOut, cancelBatch, batch, exportOwed }
})
