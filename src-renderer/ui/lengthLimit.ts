import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'

/**
 * A text box's length limit, shown and never enforced. The browser's `maxlength` cuts what is
 * pasted or scanned at the limit without a word, so a serial one character too long was saved
 * wrong; here the text stays whole and, over the limit, the field says so at once, in the words
 * the server's schema limit gives when it refuses it. Every box with a limit goes through this
 * (`TextField`, `LimitedInput`): no input in the renderer carries a raw `maxlength`.
 */
export function useLengthLimit(
  text: () => string,
  limit: () => number | string | undefined,
  /** The server trims a text before it checks its length, but never a password. */
  options: { trimmed?: () => boolean } = {}
): ComputedRef<string | undefined> {
  const { t } = useI18n()
  return computed(() => {
    const raw = limit()
    if (raw === undefined) return undefined
    const max = Number(raw)
    const value = text()
    const length = options.trimmed?.() === false ? value.length : value.trim().length
    return length > max ? t('validation.tooBig.string', { limit: max }) : undefined
  })
}
