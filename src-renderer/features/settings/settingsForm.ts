import { onMounted, ref, watch, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { i18n } from '../../i18n'
import { showError } from '../../ui/errors'
import { useFormSubmit } from '../../ui/formSubmit'
import { useAskBeforeLeavingUnsaved } from '../../ui/unsavedLeave'

/** A store that holds one block of settings: read from the server, edited in place, saved whole. */
export interface SettingsStore<Settings> {
  load(): Promise<unknown>
  save(edited: Settings): Promise<unknown>
}

/**
 * A settings form: the settings read when the page opens (when `mayLoad` allows it), and saved
 * whole with a "Saved" message; a failure is shown on the fields it names. Edited and not saved,
 * the page asks before it is left (the store holds the settings as read or saved: each new value
 * from it is what "unchanged" means).
 */
export function useSettingsForm<Settings>(
  store: SettingsStore<Settings>,
  settings: Ref<Settings | null>,
  mayLoad: () => boolean = () => true
) {
  const { busy, errors, submit } = useFormSubmit()
  // Not read yet (undefined) counts as unchanged: both sides stringify to undefined.
  const asStored = ref<string | undefined>()
  watch(settings, (stored) => (asStored.value = JSON.stringify(stored)), { immediate: true })
  const unsaved = () => JSON.stringify(settings.value) !== asStored.value
  useAskBeforeLeavingUnsaved(unsaved)

  onMounted(() => {
    if (mayLoad()) store.load().catch(showError)
  })

  function save() {
    const edited = settings.value
    if (!edited) return
    void submit(async () => {
      await store.save(edited)
      ElMessage.success(i18n.global.t('common.saved'))
    })
  }

  return { busy, errors, save, unsaved }
}
