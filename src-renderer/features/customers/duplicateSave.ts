import { nextTick, ref, type Ref } from 'vue'
import { useFormSubmit } from '../../ui/formSubmit'

/**
 * The save of the customer and device dialogs. A refusal that names a record the shop already
 * has (a known mobile, a known serial) is not a failure to shout about: the record is kept in
 * `duplicate` for the notice above the form, and once the notice is on screen `onDuplicate` moves
 * the caret to what it offers.
 */
export function useDuplicateAwareSave<T>(existingOf: (error: unknown) => T | null) {
  const duplicate = ref(null) as Ref<T | null>
  const { busy, errors, submit } = useFormSubmit()

  /** As the dialog opens: no errors and no notice left from the last time. */
  function reset(): void {
    errors.value = {}
    duplicate.value = null
  }

  function save(action: () => Promise<void>, onDuplicate: (error: unknown) => void): void {
    duplicate.value = null
    void submit(async () => {
      try {
        await action()
      } catch (error) {
        duplicate.value = existingOf(error)
        if (!duplicate.value) throw error
        await nextTick()
        onDuplicate(error)
      }
    })
  }

  return { duplicate, busy, errors, reset, save }
}
