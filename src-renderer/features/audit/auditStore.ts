import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { AuditActor, AuditEntry } from '../../../src-shared/contract'
import { nextCalendarDay, shopDayStart } from '../../../src-shared/domain/timeZone'
import { call } from '../../api/client'
import { usePagedList } from '../../ui/pagedList'
import { useSessionStore } from '../auth/sessionStore'

/**
 * The audit log, filtered by the record it is about (a job, part or receipt number, a customer's
 * phone tail), by who made the change, by action and by the shop's calendar days.
 */
export const useAuditStore = defineStore('audit', () => {
  const session = useSessionStore()
  const filters = reactive({
    record: '',
    action: undefined as string | undefined,
    actorId: undefined as string | undefined,
    days: null as [string, string] | null
  })
  const actions = ref<string[]>([])
  const actors = ref<AuditActor[]>([])

  const list = usePagedList<AuditEntry>((page, pageSize) => {
    const zone = session.shopTimeZone
    const [firstDay, lastDay] = filters.days ?? []
    return call('audit.list', {
      record: filters.record.trim() || undefined,
      action: filters.action,
      actorId: filters.actorId,
      from: firstDay ? shopDayStart(firstDay, zone) : undefined,
      to: lastDay ? shopDayStart(nextCalendarDay(lastDay), zone) : undefined,
      page,
      pageSize
    })
  })

  /** The choices of the action and operator filters: what the log holds. */
  async function loadChoices(): Promise<void> {
    const [loggedActions, loggedActors] = await Promise.all([call('audit.actions', {}), call('audit.actors', {})])
    actions.value = loggedActions
    actors.value = loggedActors
  }

  /** One record's rows and only them, as a link from its page asks: the other filters are let go. */
  function showRecord(record: string): void {
    Object.assign(filters, { record, action: undefined, actorId: undefined, days: null })
  }

  return { filters, actions, actors, loadChoices, showRecord, ...list }
})
