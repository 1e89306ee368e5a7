import { onBeforeUnmount, onMounted } from 'vue'
import { onChanges } from './liveChanges'

/**
 * For a screen that shows a list other desks change: while it is mounted, `refresh` runs when
 * one of `entities` changes anywhere in the shop (see liveChanges.ts).
 */
export function useLiveRefresh(entities: readonly string[], refresh: () => unknown): void {
  let stop: (() => void) | undefined
  onMounted(() => {
    // A refetch that fails (the server unreachable) is shown by the connection banner, not here.
    stop = onChanges(entities, () => void Promise.resolve(refresh()).catch(() => undefined))
  })
  onBeforeUnmount(() => stop?.())
}
