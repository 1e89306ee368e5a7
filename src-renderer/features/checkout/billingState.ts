import { ref, watch, type Ref } from 'vue'
import type { WorkOrderDetail } from '../../../src-shared/contract'
import { showError } from '../../ui/errors'
import { useSessionStore } from '../auth/sessionStore'
import { useCheckoutStore, type BillingState } from './checkoutStore'

/**
 * Where a work order stands with billing (ready to bill, blocked, or billed and its invoice), asked
 * again whenever the order or its status changes. Stays null for whoever may not check out.
 */
export function useBillingState(order: () => WorkOrderDetail): Ref<BillingState | null> {
  const session = useSessionStore()
  const checkout = useCheckoutStore()
  const state = ref<BillingState | null>(null)
  watch(
    () => [order().id, order().status] as const,
    async ([id]) => {
      if (!session.may('checkout.draft')) return
      try {
        state.value = await checkout.billingStateOf(id)
      } catch (error) {
        state.value = null
        showError(error)
      }
    },
    { immediate: true }
  )
  return state
}
