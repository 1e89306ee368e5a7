import { ref } from 'vue'
import { showError } from './errors'

/**
 * The life of an action started from a page (take a backup, export a list, load a part): `busy`
 * while it runs (for a button's `loading` or a table's `v-loading`), and any failure shown as a
 * message. It does not refuse a second run: a load started by a new query must not be dropped;
 * a button that must not run twice checks `busy` first. Forms with field errors use useFormSubmit.
 */
export function useBusyAction() {
  const busy = ref(false)

  async function run(action: () => Promise<unknown>): Promise<void> {
    busy.value = true
    try {
      await action()
    } catch (error) {
      showError(error)
    } finally {
      busy.value = false
    }
  }

  return { busy, run }
}
