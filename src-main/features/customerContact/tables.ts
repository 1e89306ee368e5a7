import type {
  ComplaintSource,
  ComplaintStatus,
  FollowUpStatus,
  NoticeChannel,
  ReadyMessageLanguage
} from '../../../src-shared/domain/customerContact'

export interface ReadyNoticesTable {
  id: string
  workOrderId: string
  channel: NoticeChannel
  language: ReadyMessageLanguage
  notifiedBy: string | null
  notifiedAt: string
}

export interface FollowUpsTable {
  id: string
  workOrderId: string
  /** Shop calendar day the call is due. */
  dueDate: string
  status: FollowUpStatus
  attempts: number
  /** 1 reached, 0 not reached on the last call, null not called yet. */
  reached: number | null
  attitude: number | null
  speed: number | null
  quality: number | null
  price: number | null
  comment: string
  calledBy: string | null
  calledAt: string | null
  createdAt: string
}

export interface ComplaintsTable {
  id: string
  number: string
  workOrderId: string
  followUpId: string | null
  source: ComplaintSource
  description: string
  status: ComplaintStatus
  openedBy: string | null
  openedAt: string
}

export interface ComplaintEventsTable {
  id: string
  complaintId: string
  at: string
  actorId: string | null
  fromStatus: ComplaintStatus | null
  toStatus: ComplaintStatus
  note: string
}

export interface CustomerContactTables {
  readyNotices: ReadyNoticesTable
  followUps: FollowUpsTable
  complaints: ComplaintsTable
  complaintEvents: ComplaintEventsTable
}
