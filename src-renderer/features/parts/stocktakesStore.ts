import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input, Stocktake, StocktakeLine, StocktakeSummary } from '../../../src-shared/contract'
import { ApiError, call } from '../../api/client'

/** What a code scanned on the count sheet means: a line to count, or why it is none (a message key and its params). */
export type SheetScan = { line: StocktakeLine } | { refusal: { messageKey: string; params: Record<string, string> } }

const sameCode = (a: string, b: string) => a.toUpperCase() === b.toUpperCase()

/** Stock counts: the list, and the count sheet on screen. */
export const useStocktakesStore = defineStore('stocktakes', () => {
  const list = ref<StocktakeSummary[]>([])
  const listLoading = ref(false)
  const current = ref<Stocktake | null>(null)

  async function loadList(): Promise<void> {
    listLoading.value = true
    try {
      list.value = await call('stocktakes.list', {})
    } finally {
      listLoading.value = false
    }
  }

  function start(input: Input<'stocktakes.start'>): Promise<Stocktake> {
    return call('stocktakes.start', input)
  }

  /** Shows a count; the previous one is cleared first so it never flashes under a new id. */
  async function open(id: string): Promise<void> {
    if (current.value?.id !== id) current.value = null
    current.value = await call('stocktakes.get', { id })
  }

  /** Enters one part's count and puts the answer into the sheet, with the totals recomputed. */
  async function count(partId: string, countedQuantity: number | null): Promise<StocktakeLine> {
    const sheet = current.value
    if (!sheet) throw new Error('no stocktake open')
    const line = await call('stocktakes.count', { id: sheet.id, partId, countedQuantity })
    if (current.value?.id === sheet.id) {
      const lines = current.value.lines.map((existing) => (existing.partId === partId ? line : existing))
      const varied = lines.filter((each) => each.varianceValueFen !== null)
      // A blind count's totals stay hidden, as the server sent them.
      const hidden = current.value.expectedHidden
      current.value = {
        ...current.value,
        lines,
        counted: lines.filter((each) => each.countedQuantity !== null).length,
        varianceValueFen: hidden ? null : varied.reduce((sum, each) => sum + each.varianceValueFen!, 0),
        absoluteVarianceValueFen: hidden
          ? null
          : varied.reduce((sum, each) => sum + Math.abs(each.varianceValueFen!), 0)
      }
    }
    return line
  }

  /**
   * Posts the count, with the serials not found of each serial-tracked part counted short and
   * those found of each counted over; the answer says what posted and which parts wait for a recount.
   */
  async function post(
    missingSerials: Input<'stocktakes.post'>['missingSerials'] = [],
    foundSerials: Input<'stocktakes.post'>['foundSerials'] = []
  ): Promise<Stocktake | null> {
    if (!current.value) return null
    current.value = await call('stocktakes.post', { id: current.value.id, missingSerials, foundSerials })
    return current.value
  }

  async function cancel(): Promise<void> {
    if (!current.value) return
    current.value = await call('stocktakes.cancel', { id: current.value.id })
  }

  /**
   * The line of the open count a scanned code is for: by barcode or part number on the sheet,
   * else by the parts catalogue. Failures other than an unknown code are thrown.
   */
  async function lineForCode(code: string): Promise<SheetScan> {
    const scanned = code.trim()
    const lines = current.value?.lines ?? []
    const local = lines.find((line) => line.barcodes.includes(scanned) || sameCode(line.partNumber, scanned))
    if (local) return { line: local }
    try {
      const part = await call('parts.find', { code: scanned })
      const line = lines.find((each) => each.partId === part.id)
      if (line) return { line }
      return { refusal: { messageKey: 'stocktakes.notInScope', params: { part: `${part.partNumber} ${part.name}` } } }
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION'))
        return { refusal: { messageKey: 'errors.partCodeUnknown', params: { code: scanned } } }
      throw error
    }
  }

  return { list, listLoading, current, loadList, start, open, count, post, cancel, lineForCode }
})
