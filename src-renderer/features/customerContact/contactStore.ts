import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  CallResult,
  Complaint,
  ContactSettings,
  FollowUp,
  Input,
  ReadyMessage
} from '../../../src-shared/contract'
import type { NoticeChannel, ReadyMessageLanguage } from '../../../src-shared/domain/customerContact'
import { call } from '../../api/client'
import { usePagedList } from '../../ui/pagedList'

type FollowUpTab = Input<'customerContact.followUps'>['status']
type ComplaintTab = Input<'customerContact.complaints'>['status']

/** The follow-up calls, the complaints, the ready message of the open job and the shop's templates. */
export const useContactStore = defineStore('customerContact', () => {
  const followUpTab = ref<NonNullable<FollowUpTab>>('due')
  const followUps = usePagedList<FollowUp>((page, pageSize) =>
    call('customerContact.followUps', { status: followUpTab.value, page, pageSize })
  )
  const complaintTab = ref<NonNullable<ComplaintTab>>('unresolved')
  /** A complaint's or job's number, or the end of the customer's mobile. */
  const complaintQuery = ref('')
  const complaints = usePagedList<Complaint>((page, pageSize) =>
    call('customerContact.complaints', { status: complaintTab.value, query: complaintQuery.value, page, pageSize })
  )
  const settings = ref<ContactSettings | null>(null)
  const readyMessage = ref<ReadyMessage | null>(null)

  async function loadSettings(): Promise<void> {
    settings.value = await call('customerContact.settings', {})
  }

  async function saveSettings(next: ContactSettings): Promise<void> {
    settings.value = await call('customerContact.saveSettings', next)
  }

  async function recordCall(input: Input<'customerContact.recordCall'>): Promise<CallResult> {
    const result = await call('customerContact.recordCall', input)
    await followUps.load()
    return result
  }

  async function moveComplaint(input: Input<'customerContact.moveComplaint'>): Promise<Complaint> {
    const moved = await call('customerContact.moveComplaint', input)
    await complaints.load()
    return moved
  }

  const openComplaint = (workOrderId: string, description: string): Promise<Complaint> =>
    call('customerContact.openComplaint', { workOrderId, description })

  async function loadReadyMessage(workOrderId: string, language: ReadyMessageLanguage): Promise<void> {
    readyMessage.value = await call('customerContact.readyMessage', { workOrderId, language })
  }

  async function markNotified(workOrderId: string, language: ReadyMessageLanguage, channel: NoticeChannel) {
    readyMessage.value = await call('customerContact.markNotified', { workOrderId, language, channel })
  }

  /** The message with the claim code in clear, for the clipboard only (the server audits it). */
  async function fullReadyText(workOrderId: string, language: ReadyMessageLanguage): Promise<string> {
    return (await call('customerContact.copyReadyMessage', { workOrderId, language })).text
  }

  return {
    followUpTab,
    followUps,
    complaintTab,
    complaintQuery,
    complaints,
    settings,
    readyMessage,
    loadSettings,
    saveSettings,
    recordCall,
    moveComplaint,
    openComplaint,
    loadReadyMessage,
    fullReadyText,
    markNotified
  }
})
