import { ref } from 'vue'
import { ApiError } from '../../api/client'

/**
 * One try at a password (signing in, unlocking): one try at a time, and a failure shown as the
 * key of its message, with the password typed cleared so the next try starts afresh.
 */
export function usePasswordAttempt(clearPassword: () => void) {
  const busy = ref(false)
  const errorKey = ref('')
  /** The blanks of the message, e.g. how many minutes a throttled computer must wait. */
  const errorParams = ref<Record<string, unknown>>({})

  async function attempt(action: () => Promise<void>, afterFailure?: (error: unknown) => Promise<unknown>) {
    if (busy.value) return
    busy.value = true
    errorKey.value = ''
    errorParams.value = {}
    try {
      await action()
    } catch (error) {
      errorKey.value = error instanceof ApiError ? error.messageKey : 'errors.INTERNAL'
      errorParams.value = error instanceof ApiError ? (error.details ?? {}) : {}
      clearPassword()
      await afterFailure?.(error)
    } finally {
      busy.value = false
    }
  }

  return { busy, errorKey, errorParams, attempt }
}
