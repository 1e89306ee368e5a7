import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input, WorkOrderDetail } from '../../../src-shared/contract'
import { call } from '../../api/client'

type WithoutId<T> = T extends { id: string } ? Omit<T, 'id'> : never

/**
 * The work order on screen. Every action sends one operation and shows the order as the main
 * process returns it, so the screen never guesses at the outcome.
 */
export const useWorkOrderStore = defineStore('workOrder', () => {
  const order = ref<WorkOrderDetail | null>(null)

  /** Shows the order; the previous one is cleared first so it never flashes under a new id. */
  async function open(id: string): Promise<void> {
    order.value = null
    order.value = await call('workOrders.get', { id })
  }

  /**
   * The open order fetched again without clearing it (another desk changed it): the page goes on
   * showing it meanwhile. An answer that arrives after the order was replaced is not shown: it may
   * be older than what is (an action's result). It may be newer too: two refreshes sent one after
   * the other, the first answered first, would otherwise drop the second, newer one and leave the
   * job as it was. So the same job is read once more, and that read settles it.
   */
  async function refresh(): Promise<void> {
    const shown = order.value
    if (!shown) return
    const fresh = await call('workOrders.get', { id: shown.id })
    if (order.value === shown) order.value = fresh
    else if (order.value?.id === shown.id) await refresh()
  }

  function current(): WorkOrderDetail {
    if (!order.value) throw new Error('no work order open')
    return order.value
  }

  const act =
    <
      K extends
        | 'workOrders.transition'
        | 'workOrders.assign'
        | 'workOrders.diagnose'
        | 'workOrders.addLabour'
        | 'workOrders.removeLabour'
        | 'workOrders.updateNotes'
        | 'workOrders.addNoteAfterClose'
        | 'workOrders.setWaiting'
        | 'workOrders.quote'
        | 'workOrders.customerDecision'
        | 'workOrders.managerDecision'
        | 'workOrders.pickup'
    >(
      operation: K
    ) =>
    async (input: WithoutId<Input<K>>): Promise<void> => {
      order.value = (await call(operation, { ...input, id: current().id } as Input<K>)) as WorkOrderDetail
    }

  /**
   * Whether the open job must be checked out before its device is handed over (the server's
   * answer): the hand-over dialog sends the counter to checkout, or asks for a manager's leave.
   */
  async function awaitsCheckout(): Promise<boolean> {
    const draft = await call('checkout.draft', { workOrderId: current().id })
    return draft.handOverNeedsCheckout
  }

  function deviceHistory(deviceId: string) {
    return call('devices.history', { id: deviceId })
  }

  async function reopen(reason: string): Promise<{ id: string; claimCode: string }> {
    const { id, comebackAs } = current()
    const expected = comebackAs ? { expectedServiceType: comebackAs.serviceType } : {}
    const result = await call('workOrders.reopen', { id, reason, ...expected })
    return { id: result.workOrder.id, claimCode: result.claimCode }
  }

  return {
    order,
    open,
    refresh,
    transition: act('workOrders.transition'),
    assign: act('workOrders.assign'),
    diagnose: act('workOrders.diagnose'),
    addLabour: act('workOrders.addLabour'),
    removeLabour: act('workOrders.removeLabour'),
    updateNotes: act('workOrders.updateNotes'),
    addNoteAfterClose: act('workOrders.addNoteAfterClose'),
    setWaiting: act('workOrders.setWaiting'),
    quote: act('workOrders.quote'),
    customerDecision: act('workOrders.customerDecision'),
    managerDecision: act('workOrders.managerDecision'),
    pickup: act('workOrders.pickup'),
    reopen,
    awaitsCheckout,
    deviceHistory
  }
})
