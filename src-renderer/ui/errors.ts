import { ElMessage } from 'element-plus'
import { i18n } from '../i18n'
import { ApiError } from '../api/client'

/** Field path -> translated message, for binding to `el-form-item :error`. */
export type FieldErrors = Record<string, string>

/** Translates a contract error's field issues; other errors yield none. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const errors: FieldErrors = {}
  if (error instanceof ApiError) {
    for (const field of error.details?.fields ?? []) {
      errors[field.path] ??= i18n.global.t(field.messageKey, field.params ?? {})
    }
  }
  return errors
}

/** Shows any failure as a translated message; never a stack trace. */
export function showError(error: unknown): void {
  if (error instanceof ApiError) {
    // Session problems are handled by the session store (sign-in page or lock screen).
    if (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_LOCKED') return
    ElMessage.error({ message: i18n.global.t(error.messageKey), grouping: true })
    return
  }
  console.error(error)
  ElMessage.error({ message: i18n.global.t('errors.INTERNAL'), grouping: true })
}
