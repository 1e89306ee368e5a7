import { nextTick, ref, type Ref } from 'vue'

/**
 * The customer and device dialogs' save, as `useDialogForm` runs it. A refusal that names a record
 * the shop already has (a known mobile, a known serial) is not a failure to shout about:
 * `unlessDuplicate` keeps the record in `duplicate` for the notice above the form, once the notice
 * is on screen lets `onDuplicate` move the caret to what it offers, and keeps the dialog open.
 * Any other failure goes on to be shown as usual.
 */
export function useDuplicateNotice<T>(existingOf: (error: unknown) => T | null) {
  const duplicate = ref(null) as Ref<T | null>

  async function unlessDuplicate(
    save: () => Promise<string>,
    onDuplicate: (error: unknown) => void
  ): Promise<string | false> {
    duplicate.value = null
    try {
      return await save()
    } catch (error) {
      duplicate.value = existingOf(error)
      if (!duplicate.value) throw error
      await nextTick()
      onDuplicate(error)
      return false
    }
  }

  return { duplicate, unlessDuplicate }
}
