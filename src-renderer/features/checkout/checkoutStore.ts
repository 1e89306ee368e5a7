import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CheckoutDraft, Input, Invoice, WorkOrderDetail } from '../../../src-shared/contract'
import { call } from '../../api/client'

/**
 * Checkout of the work order on screen, and the invoice on screen. The screen computes the live
 * totals itself (with the shared invoice arithmetic); the main process decides and records.
 */
export const useCheckoutStore = defineStore('checkout', () => {
  const draft = ref<CheckoutDraft | null>(null)
  const order = ref<WorkOrderDetail | null>(null)
  const invoice = ref<Invoice | null>(null)
  /** Every document of the invoice's work order: the invoice and its credit notes. */
  const related = ref<Invoice[]>([])

  async function openDraft(workOrderId: string): Promise<void> {
    draft.value = null
    order.value = null
    const [nextDraft, nextOrder] = await Promise.all([
      call('checkout.draft', { workOrderId }),
      call('workOrders.get', { id: workOrderId })
    ])
    draft.value = nextDraft
    order.value = nextOrder
  }

  function pay(input: Input<'checkout.pay'>): Promise<Invoice> {
    return call('checkout.pay', input)
  }

  async function openInvoice(id: string): Promise<void> {
    if (invoice.value?.id !== id) {
      invoice.value = null
      related.value = []
    }
    const loaded = await call('checkout.get', { id })
    invoice.value = loaded
    related.value = await call('checkout.forWorkOrder', { workOrderId: loaded.workOrderId })
  }

  async function creditNote(input: Input<'checkout.creditNote'>): Promise<Invoice> {
    const note = await call('checkout.creditNote', input)
    if (invoice.value) await openInvoice(invoice.value.id)
    return note
  }

  return { draft, order, invoice, related, openDraft, pay, openInvoice, creditNote }
})
