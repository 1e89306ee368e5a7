import { ref } from 'vue'
import { ApiError } from '../api/client'

/**
 * An edit form's version of its record. The form notes the version it was filled from (`filled`:
 * a record's `updatedAt`, a part's `editedAt`) and sends it with the save (`expected`); a save
 * refused because another desk saved the record since (`errors.changedElsewhere`) turns
 * `overtaken` on, for the notice (`OvertakenNotice`) that offers to fill the form again from the
 * latest (the store has fetched the latest by then). Saving the form as it stands would put back
 * what the other desk replaced, so it is refused again until then.
 */
export function useEditedVersion() {
  const overtaken = ref(false)
  let filledFrom: string | undefined

  function filled(version: string | undefined): void {
    filledFrom = version
    overtaken.value = false
  }

  async function saving<T>(save: () => Promise<T>): Promise<T> {
    try {
      return await save()
    } catch (error) {
      if (error instanceof ApiError && error.messageKey === 'errors.changedElsewhere') overtaken.value = true
      throw error
    }
  }

  return { overtaken, filled, expected: () => filledFrom, saving }
}
