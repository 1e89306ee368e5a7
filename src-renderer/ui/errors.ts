import { ElMessage } from 'element-plus'
import { i18n } from '../i18n'
import { ApiError } from '../api/client'

/** Field path -> translated message, for binding to `el-form-item :error`. */
export type FieldErrors = Record<string, string>

/** Translates a key the main process sent, falling back to a generic text if this build lacks it. */
function translate(key: string, params: Record<string, unknown> = {}, fallbackKey = 'errors.INTERNAL'): string {
  return i18n.global.te(key) ? i18n.global.t(key, params) : i18n.global.t(fallbackKey)
}

/** Translates a contract error's field issues; other errors yield none. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const errors: FieldErrors = {}
  if (error instanceof ApiError) {
    for (const field of error.details?.fields ?? []) {
      errors[field.path] ??= translate(field.messageKey, field.params, 'validation.invalid')
    }
  }
  return errors
}

/** Shows any failure as a translated message; never a stack trace. */
export function showError(error: unknown): void {
  if (error instanceof ApiError) {
    // Session problems are handled by the session store (sign-in page or lock screen).
    if (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_LOCKED') return
    // The details fill the message's blanks, e.g. which part is short and by how much.
    ElMessage.error({ message: translate(error.messageKey, error.details ?? {}), grouping: true })
    return
  }
  console.error(error)
  ElMessage.error({ message: translate('errors.INTERNAL'), grouping: true })
}
