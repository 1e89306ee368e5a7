import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { AuditEntry } from '../../../src-shared/contract'
import { nextCalendarDay, shopDayStart } from '../../../src-shared/domain/timeZone'
import { call } from '../../api/client'
import { usePagedList } from '../../ui/pagedList'
import { useSessionStore } from '../auth/sessionStore'

/**
 * The audit log, filtered by the record it is about (a job, part or receipt number, a customer's
 * phone tail), by action and by the shop's calendar days.
 */
export const useAuditStore = defineStore('audit', () => {
  const session = useSessionStore()
  const filters = reactive({
    record: '',
    action: undefined as string | undefined,
    days: null as [string, string] | null
  })
  const actions = ref<string[]>([])

  const list = usePagedList<AuditEntry>((page, pageSize) => {
    const zone = session.shopTimeZone
    const [firstDay, lastDay] = filters.days ?? []
    return call('audit.list', {
      record: filters.record.trim() || undefined,
      action: filters.action,
      from: firstDay ? shopDayStart(firstDay, zone) : undefined,
      to: lastDay ? shopDayStart(nextCalendarDay(lastDay), zone) : undefined,
      page,
      pageSize
    })
  })

  async function loadActions(): Promise<void> {
    actions.value = await call('audit.actions', {})
  }

  return { filters, actions, loadActions, ...list }
})
