import { onBeforeUnmount, onMounted } from 'vue'
import { onChanges, type ChangeFilter } from './liveChanges'

/**
 * For a screen that shows what other desks change: while it is mounted, `refresh` runs when one
 * of `entities` changes anywhere in the shop, or, with `concerns`, only a change it says concerns
 * the screen (a record's page: that record's id) (see liveChanges.ts).
 */
export function useLiveRefresh(entities: readonly string[], refresh: () => unknown, concerns?: ChangeFilter): void {
  let stop: (() => void) | undefined
  onMounted(() => {
    // A refetch that fails (the server unreachable) is shown by the connection banner, not here.
    stop = onChanges(entities, () => void Promise.resolve(refresh()).catch(() => undefined), concerns)
  })
  onBeforeUnmount(() => stop?.())
}
