import { watch, type Ref } from 'vue'

/**
 * Prepares a dialog's form as it is asked to open: after all its props have arrived (so an
 * edit dialog sees the record to edit) and before it is drawn. Element Plus's `open` event
 * comes later, once the fields are on screen, and a quick typist's first keystrokes would be
 * wiped by a reset done there.
 */
export function onDialogOpening(visible: Ref<boolean>, prepare: () => void): void {
  watch(
    visible,
    (open) => {
      if (open) prepare()
    },
    { flush: 'pre' }
  )
}
