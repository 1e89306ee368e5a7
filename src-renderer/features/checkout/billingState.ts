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
  let asked = 0
  // One source per value: the order is shown again on every other desk's change, and only a new
  // order or status can change where it stands with billing.
  watch(
    [() => order().id, () => order().status],
    async ([id]) => {
      if (!session.may('checkout.draft')) return
      const ticket = ++asked
      try {
        const answer = await checkout.billingStateOf(id)
        if (ticket === asked) state.value = answer
      } catch (error) {
        if (ticket !== asked) return
        state.value = null
        showError(error)
      }
    },
    { immediate: true }
  )
  return state
}
