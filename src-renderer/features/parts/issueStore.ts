import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IssuedPartLine, OpenPartRequest, Part } from '../../../src-shared/contract'
import { ApiError, call } from '../../api/client'

/** A refusal to show next to the scan field: a message key and what it needs. */
export interface ScanRefusal {
  messageKey: string
  params: Record<string, string | number>
}

/**
 * What a scanned code means at the issuing counter, and so what happens next:
 * - `chooseJob`: it is a job's ticket: the queue shows that job;
 * - `askSerial`: it is the part of a serial-tracked request: its serial is scanned next;
 * - `issue`: it is the part of a request: issue it now;
 * - `refuse`: it is none of those, and why.
 */
export type ScanOutcome =
  | { next: 'chooseJob'; workOrderNumber: string }
  | { next: 'askSerial'; request: OpenPartRequest }
  | { next: 'issue'; request: OpenPartRequest }
  | { next: 'refuse'; refusal: ScanRefusal }

const sameNumber = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase()
const matchesLocally = (row: OpenPartRequest, scanned: string) =>
  row.barcodes.includes(scanned) || sameNumber(row.partNumber, scanned)
const partText = (part: Pick<Part, 'partNumber' | 'name'>) => `${part.partNumber} ${part.name}`
const refuse = (messageKey: string, params: Record<string, string | number> = {}): ScanOutcome => ({
  next: 'refuse',
  refusal: { messageKey, params }
})

/** What is still to be issued on a request. */
export const remainingOf = (row: OpenPartRequest) => Math.max(0, row.quantity - row.issuedQuantity)

/**
 * The warehouse's queue of parts jobs are waiting for, oldest first: which request is chosen,
 * what a scanned code means, and issuing against it.
 */
export const useIssueStore = defineStore('partsIssue', () => {
  const queue = ref<OpenPartRequest[]>([])
  const loading = ref(false)
  const selectedId = ref<string | null>(null)
  /** A job number typed or scanned: the queue shows only that job's requests. */
  const activeWorkOrder = ref('')
  /** A scan or an issue is under way: the counter takes no other, and the queue waits to refresh. */
  const busy = ref(false)
  let latest = 0

  const visible = computed(() =>
    activeWorkOrder.value
      ? queue.value.filter((row) => sameNumber(row.workOrderNumber, activeWorkOrder.value))
      : queue.value
  )
  const selected = computed(() => queue.value.find((row) => row.id === selectedId.value) ?? null)

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

  /** The counter as a newly opened page finds it: no job chosen, nothing selected yet. */
  function resetCounter(): void {
    selectedId.value = null
    activeWorkOrder.value = ''
  }

  /** Keeps the chosen request if it is still waiting; otherwise the next one of the same job, or the oldest. */
  function reselect(preferWorkOrderId?: string): void {
    if (selected.value && visible.value.includes(selected.value)) return
    const sameJob = preferWorkOrderId ? visible.value.find((row) => row.workOrderId === preferWorkOrderId) : undefined
    selectedId.value = (sameJob ?? visible.value[0])?.id ?? null
  }

  /** Shows one job's requests (or all, for ''), choosing its first; false when that job waits for nothing. */
  function showJob(number: string): boolean {
    activeWorkOrder.value = number.trim()
    if (!activeWorkOrder.value) {
      reselect()
      return true
    }
    const first = visible.value[0]
    if (!first) return false
    selectedId.value = first.id
    return true
  }

  /** Which request of the chosen job a part found by its code is, or why it is none. */
  function requestForPart(part: Part, request: OpenPartRequest): OpenPartRequest | ScanRefusal {
    if (part.id === request.partId) return request
    const other = queue.value.find((row) => row.workOrderId === request.workOrderId && row.partId === part.id)
    if (other) return other
    const wanted = `${request.partNumber} ${request.partName}`
    const elsewhere = queue.value.find((row) => row.partId === part.id)
    if (elsewhere)
      return {
        messageKey: 'issuing.otherJob',
        params: { scanned: partText(part), wanted, number: elsewhere.workOrderNumber }
      }
    return { messageKey: 'issuing.wrongPart', params: { scanned: partText(part), wanted } }
  }

  /** Which request of the chosen job the scanned code is for: the queue first, then the parts catalogue. */
  async function matchRequest(scanned: string, request: OpenPartRequest): Promise<OpenPartRequest | ScanRefusal> {
    if (matchesLocally(request, scanned)) return request
    const local = queue.value.find((row) => row.workOrderId === request.workOrderId && matchesLocally(row, scanned))
    if (local) return local
    try {
      return requestForPart(await call('parts.find', { code: scanned }), request)
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NOT_FOUND')
        return { messageKey: 'errors.partCodeUnknown', params: { code: scanned } }
      if (error instanceof ApiError && error.code === 'VALIDATION')
        return { messageKey: 'validation.barcode', params: {} }
      throw error
    }
  }

  /**
   * What a scanned code means: a job's ticket, or the part of the chosen request (or of another
   * request of the same job, which becomes the chosen one). Failures other than an unknown or
   * malformed code are thrown.
   */
  async function resolveScan(code: string): Promise<ScanOutcome> {
    const scanned = code.trim()
    const job = queue.value.find((row) => sameNumber(row.workOrderNumber, scanned))
    if (job) return { next: 'chooseJob', workOrderNumber: job.workOrderNumber }
    const request = selected.value
    if (!request) return refuse('issuing.pickRequestFirst')
    const match = await matchRequest(scanned, request)
    if (!('id' in match)) return { next: 'refuse', refusal: match }
    selectedId.value = match.id
    return { next: match.serialTracked ? 'askSerial' : 'issue', request: match }
  }

  /**
   * Puts a job's rows, as the issue answered them, in the place of its old ones, so an issue costs
   * one round trip: the job keeps its place in the queue and leaves it when nothing is left.
   */
  function updateQueueAfterIssue(workOrderId: string, jobRows: OpenPartRequest[]): void {
    const at = queue.value.findIndex((row) => row.workOrderId === workOrderId)
    const others = queue.value.filter((row) => row.workOrderId !== workOrderId)
    const place = at < 0 ? others.length : at
    queue.value = [...others.slice(0, place), ...jobRows, ...others.slice(place)]
    reselect(workOrderId)
  }

  /**
   * Issues and then shows the queue as it is now; a serial-tracked part goes with its serial.
   * Answers the line the issue added to the job.
   */
  async function issue(input: {
    workOrderId: string
    partId: string
    quantity: number
    serial: string | null
  }): Promise<IssuedPartLine> {
    const { serial, ...rest } = input
    const { line, queueRows } = await call('workOrderParts.issue', serial ? { ...rest, serial } : rest)
    updateQueueAfterIssue(input.workOrderId, queueRows)
    return line
  }

  return {
    queue,
    loading,
    busy,
    selectedId,
    activeWorkOrder,
    visible,
    selected,
    load,
    resetCounter,
    reselect,
    showJob,
    resolveScan,
    issue,
    updateQueueAfterIssue
  }
})
