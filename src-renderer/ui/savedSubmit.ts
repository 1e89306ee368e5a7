import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { useFormSubmit } from './formSubmit'

/**
 * A form saved where it stands (a panel of the work order): useFormSubmit's one submission at a
 * time and errors on the fields, and "saved" said once the save went through.
 */
export function useSavedSubmit() {
  const { t } = useI18n()
  const { busy, errors, submit } = useFormSubmit()

  function saveWith(action: () => Promise<unknown>): void {
    void submit(async () => {
      await action()
      ElMessage.success(t('common.saved'))
    })
  }

  return { busy, errors, saveWith }
}
