import { z } from 'zod'
import { operation } from './operation'
import {
  emptyInput,
  id,
  multiLineText,
  optionalMultiLineText,
  optionalText,
  pageInput,
  text,
  type Page
} from './common'
import {
  COMPLAINT_STATUSES,
  NOTICE_CHANNELS,
  READY_MESSAGE_LANGUAGES,
  type ComplaintSource,
  type ComplaintStatus,
  type FollowUpStatus,
  type NoticeChannel,
  type ReadyMessageLanguage,
  type SatisfactionScores
} from '../domain/customerContact'

export interface ContactSettings {
  /** The "ready for pick-up" message, per language; `{shop}`, `{number}`… are filled per job. */
  readyTemplates: Record<ReadyMessageLanguage, string>
  /** The same message for a device that goes back unrepaired (a cancelled job). */
  unrepairedTemplates: Record<ReadyMessageLanguage, string>
  openingHours: Record<ReadyMessageLanguage, string>
  /** A follow-up call is due this many days after pick-up. */
  followUpDays: number
}

export interface ReadyNotice {
  id: string
  channel: NoticeChannel
  language: ReadyMessageLanguage
  notifiedBy: string | null
  notifiedByName: string | null
  notifiedAt: string
}

export interface ReadyMessage {
  workOrderId: string
  language: ReadyMessageLanguage
  /** The message with the claim code masked: it is on screen at the counter. */
  text: string
  customerPhone: string
  /** False once the job has left the ready state: the message would be wrong. */
  ready: boolean
  notices: ReadyNotice[]
}

export interface FollowUp {
  id: string
  workOrderId: string
  workOrderNumber: string
  customerName: string
  customerPhone: string
  deviceLabel: string
  pickedUpAt: string
  dueDate: string
  status: FollowUpStatus
  attempts: number
  overdue: boolean
  reached: boolean | null
  scores: SatisfactionScores | null
  average: number | null
  satisfied: boolean | null
  comment: string
  calledByName: string | null
  calledAt: string | null
  complaintId: string | null
}

export interface ComplaintEvent {
  at: string
  actorName: string | null
  fromStatus: ComplaintStatus | null
  toStatus: ComplaintStatus
  note: string
}

export interface Complaint {
  id: string
  number: string
  workOrderId: string
  workOrderNumber: string
  customerName: string
  source: ComplaintSource
  description: string
  /** The satisfaction average of the follow-up call that opened it, if one did. */
  average: number | null
  status: ComplaintStatus
  openedAt: string
  openedByName: string | null
  events: ComplaintEvent[]
}

export interface CallResult {
  followUp: FollowUp
  /** The complaint the call opened (a low score or a complaint told on the phone), if any. */
  complaint: Complaint | null
}

const score = z.number().int().min(0).max(100)
const languageSchema = z.enum(READY_MESSAGE_LANGUAGES)
const template = multiLineText(500)

export const customerContactContract = {
  'customerContact.settings': operation<ContactSettings>()(emptyInput),
  'customerContact.saveSettings': operation<ContactSettings>()(
    z
      .object({
        readyTemplates: z.object({ 'zh-CN': template, en: template }).strict(),
        unrepairedTemplates: z.object({ 'zh-CN': template, en: template }).strict(),
        openingHours: z.object({ 'zh-CN': optionalText(100), en: optionalText(100) }).strict(),
        followUpDays: z.number().int().min(0).max(60)
      })
      .strict()
  ),
  /** The message for a job that is ready, in the chosen language, and who has passed it on so far. */
  'customerContact.readyMessage': operation<ReadyMessage>()(
    z.object({ workOrderId: id, language: languageSchema }).strict()
  ),
  /** The same message with the claim code in clear, for the clipboard only; each copy is audited. */
  'customerContact.copyReadyMessage': operation<{ text: string }>()(
    z.object({ workOrderId: id, language: languageSchema }).strict()
  ),
  'customerContact.markNotified': operation<ReadyMessage>()(
    z.object({ workOrderId: id, language: languageSchema, channel: z.enum(NOTICE_CHANNELS) }).strict()
  ),
  'customerContact.followUps': operation<Page<FollowUp>>()(
    z.object({ status: z.enum(['due', 'done', 'all']).default('due'), ...pageInput }).strict()
  ),
  'customerContact.recordCall': operation<CallResult>()(
    z
      .object({
        followUpId: id,
        reached: z.boolean(),
        /** Required when the customer was reached (the service refuses a reached call without them). */
        scores: z.object({ attitude: score, speed: score, quality: score, price: score }).strict().nullable(),
        comment: optionalMultiLineText(500),
        /** The customer complained on the call, whatever the scores. */
        complaint: optionalMultiLineText(1000)
      })
      .strict()
  ),
  'customerContact.complaints': operation<Page<Complaint>>()(
    z
      .object({
        status: z.enum([...COMPLAINT_STATUSES, 'unresolved', 'all']).default('unresolved'),
        /** A complaint's or its job's number (any part), or the end of the customer's mobile. */
        query: z.string().trim().max(40).default(''),
        ...pageInput
      })
      .strict()
  ),
  /** A complaint told at the counter about a job. */
  'customerContact.openComplaint': operation<Complaint>()(
    z.object({ workOrderId: id, description: multiLineText(1000) }).strict()
  ),
  'customerContact.moveComplaint': operation<Complaint>()(
    z.object({ complaintId: id, to: z.enum(['handling', 'closed']), note: text(1000) }).strict()
  )
}
