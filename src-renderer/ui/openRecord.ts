import { watch } from 'vue'
import { showError } from './errors'

/**
 * A page of one record (an invoice, a day close, a stocktake): opens the record its route names,
 * and the next one when the route moves on to another, any failure shown as a message.
 */
export function useOpenRecord(id: () => string, open: (id: string) => Promise<unknown>): void {
  watch(id, (next) => open(next).catch(showError), { immediate: true })
}
