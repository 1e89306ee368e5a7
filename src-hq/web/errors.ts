import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { HqCallError } from './api'

/** Runs a call and shows what went wrong in the reader's language; answers undefined then. */
export function useShowErrors() {
  const { t } = useI18n()
  return async function attempt<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run()
    } catch (error) {
      const key = error instanceof HqCallError ? error.messageKey : 'hqErrors.INTERNAL'
      ElMessage.error(t(key, error instanceof HqCallError ? error.params : {}))
      return undefined
    }
  }
}
