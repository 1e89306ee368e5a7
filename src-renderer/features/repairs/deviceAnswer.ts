import { ref, watch, type Ref } from 'vue'
import type { OperationName } from '../../../src-shared/contract'
import { useSessionStore } from '../auth/sessionStore'

/**
 * What the shop says about the device at the counter (its open job, a free comeback), asked again
 * whenever another device is picked; an answer for a device no longer picked is dropped. A failed
 * check costs only the notice: the check-in goes on, and the shop applies its rules on saving.
 */
export function useDeviceAnswer<T>(
  deviceId: () => string,
  operation: OperationName,
  ask: (deviceId: string) => Promise<T | null>,
  answer: Ref<T | null> = ref(null) as Ref<T | null>
): Ref<T | null> {
  const session = useSessionStore()
  watch(
    deviceId,
    async (id) => {
      answer.value = null
      if (!session.may(operation)) return
      const found = await ask(id).catch(() => null)
      if (deviceId() === id) answer.value = found
    },
    { immediate: true }
  )
  return answer
}
