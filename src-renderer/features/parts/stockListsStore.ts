import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ReorderLine, StockAdjustment, Valuation } from '../../../src-shared/contract'
import { call } from '../../api/client'

/** The warehouse's reports: what to reorder, what the stock is worth, and changes awaiting a manager. */
export const useStockListsStore = defineStore('stockLists', () => {
  const lowStock = ref<ReorderLine[]>([])
  const valuation = ref<Valuation | null>(null)
  const valuationQuery = ref('')
  const pending = ref<StockAdjustment[]>([])

  async function loadLowStock(): Promise<void> {
    lowStock.value = await call('parts.lowStock', {})
  }

  // Typing in the filter fires loads in quick succession; an older answer arriving late must not win.
  let latestValuation = 0
  async function loadValuation(): Promise<void> {
    const ticket = ++latestValuation
    const answer = await call('parts.valuation', { query: valuationQuery.value })
    if (ticket === latestValuation) valuation.value = answer
  }

  async function loadPending(): Promise<void> {
    pending.value = await call('parts.adjustments', { status: 'pending' })
  }

  /** A manager posts or rejects a clerk's adjustment; the lists it changes are reloaded. */
  async function decide(id: string, approve: boolean): Promise<StockAdjustment> {
    const decided = await call('parts.decideAdjustment', { id, approve })
    await Promise.all([loadPending(), approve ? Promise.all([loadLowStock(), loadValuation()]) : undefined])
    return decided
  }

  return { lowStock, valuation, valuationQuery, pending, loadLowStock, loadValuation, loadPending, decide }
})
