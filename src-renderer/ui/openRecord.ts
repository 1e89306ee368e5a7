import { watch } from 'vue'
import { showError } from './errors'

/**
 * A page of one record (an invoice, a day close, a stocktake), or a panel of what one record has
 * (a job's claims): opens the record its route or prop names, and the next one when that moves
 * on to another, any failure shown as a message.
 */
export function useOpenRecord(id: () => string, open: (id: string) => Promise<unknown>): void {
  watch(id, (next) => open(next).catch(showError), { immediate: true })
}
