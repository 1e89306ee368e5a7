import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { useSessionStore } from '../auth/sessionStore'
import { reportQueryFrom } from './reportQuery'

/**
 * The report the page address asks for, as the reports page and its print page both read it:
 * the shop's today (the default range ends there) and the query.
 */
export function useAddressedReport() {
  const route = useRoute()
  const session = useSessionStore()
  const today = computed(() => shopLocalDate(new Date(), session.shopTimeZone))
  const query = computed(() => reportQueryFrom(route.query, today.value))
  return { today, query }
}
