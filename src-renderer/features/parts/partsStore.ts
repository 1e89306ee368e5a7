import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type {
  Input,
  Part,
  PartSummary,
  StockAdjustment,
  StockMovement,
  SerialOnHand
} from '../../../src-shared/contract'
import type { MovementKind } from '../../../src-shared/domain/stock'
import { ApiError, call } from '../../api/client'
import { newestAnswerOf } from '../../ui/newestAnswer'
import { usePagedList } from '../../ui/pagedList'

/** What a scanner can have typed: printable, no spaces, as `parts.find` accepts it. */
export const SCANNED_CODE = /^[\x21-\x7E]{1,64}$/

/** The part a scanned code names, or null when no part has it (any other failure is thrown). */
export async function findPartByCode(code: string): Promise<Part | null> {
  if (!SCANNED_CODE.test(code)) return null
  try {
    return await call('parts.find', { code })
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null
    throw error
  }
}

/** The catalogue as staff search it, the part that is open, and the changes made to parts. */
export const usePartsStore = defineStore('parts', () => {
  const filters = reactive({ query: '', lowOnly: false, includeInactive: false })

  const list = usePagedList<PartSummary>(
    newestAnswerOf((page: number, pageSize: number) => call('parts.search', { ...filters, page, pageSize }))
  )

  const part = ref<Part | null>(null)

  async function open(id: string): Promise<void> {
    if (part.value?.id !== id) part.value = null
    part.value = await call('parts.get', { id })
  }

  const create = (input: Input<'parts.create'>): Promise<Part> => list.refreshAfter(call('parts.create', input))

  /** An edit refused because another desk edited the part first leaves its latest open to fill the form from. */
  async function update(input: Input<'parts.update'>): Promise<Part> {
    try {
      const updated = await call('parts.update', input)
      if (part.value?.id === updated.id) part.value = updated
      return updated
    } catch (error) {
      // The refusal is what the desk must see, even if the part cannot be fetched again just now.
      if (part.value?.id === input.id && error instanceof ApiError && error.messageKey === 'errors.changedElsewhere')
        await open(input.id).catch(() => undefined)
      throw error
    }
  }

  /**
   * A correction, scrap or return to the brand (a serial-tracked part's units one adjustment each);
   * the open part is reloaded to show its new stock.
   */
  async function adjust(input: Input<'parts.adjust'>): Promise<StockAdjustment[]> {
    const adjustments = await call('parts.adjust', input)
    if (part.value?.id === input.partId) await open(input.partId)
    return adjustments
  }

  /** A serial-tracked part's serials on the shelf. */
  function serialsOnHand(partId: string): Promise<SerialOnHand[]> {
    return call('parts.serialsOnHand', { partId })
  }

  return { filters, ...list, part, open, create, update, adjust, serialsOnHand }
})

/** One part's stock ledger, newest first, optionally one kind of movement only. */
export const usePartMovementsStore = defineStore('partMovements', () => {
  const partId = ref<string | null>(null)
  const kind = ref<MovementKind | null>(null)
  const list = usePagedList<StockMovement>((page, pageSize) =>
    partId.value === null
      ? Promise.resolve({ rows: [], total: 0 })
      : call('parts.movements', { partId: partId.value, kind: kind.value, page, pageSize })
  )

  /** Shows another part's ledger from its first page, with no filter carried over. */
  async function show(id: string): Promise<void> {
    if (partId.value !== id) {
      partId.value = id
      kind.value = null
      list.rows.value = []
      list.total.value = 0
    }
    await list.reloadFromFirstPage()
  }

  return { partId, kind, ...list, show }
})
