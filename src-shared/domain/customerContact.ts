/**
 * The shop talking to its customers after the bench: the "ready for pick-up" message, the
 * follow-up call with its satisfaction scores, and the complaint a dissatisfied answer opens.
 * Pure rules, shared by the server (which decides) and the screens (which show the same figures).
 */

export const SATISFACTION_ASPECTS = ['attitude', 'speed', 'quality', 'price'] as const
export type SatisfactionAspect = (typeof SATISFACTION_ASPECTS)[number]
export type SatisfactionScores = Record<SatisfactionAspect, number>

/** An average of this or more counts as satisfied (scores are 0–100 each). */
export const SATISFIED_FROM = 85

/** The average of the four scores; quarters are exact, so no rounding is needed to compare. */
export function satisfactionAverage(scores: SatisfactionScores): number {
  return SATISFACTION_ASPECTS.reduce((sum, aspect) => sum + scores[aspect], 0) / SATISFACTION_ASPECTS.length
}

export function isSatisfied(scores: SatisfactionScores): boolean {
  return satisfactionAverage(scores) >= SATISFIED_FROM
}

/** After this many calls that did not reach the customer, the follow-up ends as unreachable. */
export const FOLLOW_UP_MAX_ATTEMPTS = 3
export const FOLLOW_UP_STATUSES = ['open', 'done', 'unreachable'] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

/** The status a follow-up has after a call: reached ends it; the third miss gives up. */
export function followUpStatusAfterCall(reached: boolean, attemptsBefore: number): FollowUpStatus {
  if (reached) return 'done'
  return attemptsBefore + 1 >= FOLLOW_UP_MAX_ATTEMPTS ? 'unreachable' : 'open'
}

export const COMPLAINT_STATUSES = ['open', 'handling', 'closed'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]
export const COMPLAINT_SOURCES = ['follow_up', 'counter'] as const
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number]

const COMPLAINT_MOVES: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  open: ['handling', 'closed'],
  handling: ['closed'],
  closed: []
}

export function complaintMayMove(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_MOVES[from].includes(to)
}

/** What a ready message may say; `{name}` in a template is replaced by the job's value. */
export const READY_MESSAGE_FIELDS = ['shop', 'customer', 'number', 'claimCode', 'device', 'hours', 'phone'] as const
export type ReadyMessageField = (typeof READY_MESSAGE_FIELDS)[number]
export type ReadyMessageValues = Record<ReadyMessageField, string>

export const READY_MESSAGE_LANGUAGES = ['zh-CN', 'en'] as const
export type ReadyMessageLanguage = (typeof READY_MESSAGE_LANGUAGES)[number]

export const DEFAULT_READY_TEMPLATES: Record<ReadyMessageLanguage, string> = {
  'zh-CN':
    '【{shop}】{customer}您好，您送修的{device}（工单 {number}）已修好，可以取机了。取机码 {claimCode}，请携带取机单或报取机码。营业时间：{hours}。咨询电话 {phone}。',
  en: '{shop}: Hello {customer}, your {device} (job {number}) is ready for pick-up. Your claim code is {claimCode}; bring the claim receipt or tell us the code. Opening hours: {hours}. Questions: {phone}.'
}

/**
 * The same message for a device that goes back unrepaired (a cancelled job, a repair refused or
 * impossible): it must not tell the customer that the device was repaired.
 */
export const DEFAULT_UNREPAIRED_TEMPLATES: Record<ReadyMessageLanguage, string> = {
  'zh-CN':
    '【{shop}】{customer}您好，您送修的{device}（工单 {number}）本次未维修，可以取回了。取机码 {claimCode}，请携带取机单或报取机码。营业时间：{hours}。咨询电话 {phone}。',
  en: '{shop}: Hello {customer}, your {device} (job {number}) was not repaired and is ready to collect. Your claim code is {claimCode}; bring the claim receipt or tell us the code. Opening hours: {hours}. Questions: {phone}.'
}

/** Fills a template; a `{name}` the template misspells is left as typed, so the desk sees it. */
export function renderReadyMessage(template: string, values: ReadyMessageValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    (READY_MESSAGE_FIELDS as readonly string[]).includes(name) ? values[name as ReadyMessageField] : whole
  )
}

/**
 * The `{…}` a template holds that no job can fill, each once, in the order written: saved, it would
 * reach the customer as typed (`{claimCodeX}` in place of the code). Any text in braces counts, so a
 * `{claim code}` that the filling would not even recognise as a field is caught too.
 */
export function unknownTemplateFields(template: string): string[] {
  const unknown = [...template.matchAll(/\{([^{}]*)\}/g)]
    .filter((match) => !(READY_MESSAGE_FIELDS as readonly string[]).includes(match[1] ?? ''))
    .map((match) => match[0])
  return [...new Set(unknown)]
}

/** A pick-up message must carry the claim code: without it the customer cannot collect the device. */
export function templateGivesClaimCode(template: string): boolean {
  return template.includes('{claimCode}')
}

/**
 * What the ready panel shows in place of the claim code: whoever stands at the counter may read the
 * screen, and the code is the customer's proof at pick-up. Only the copy action, audited, carries it.
 */
export function maskClaimCode(code: string): string {
  return '*'.repeat(code.length)
}

/** How the desk passed the message on (sending through an SMS gateway is an extension point). */
export const NOTICE_CHANNELS = ['sms', 'wechat', 'phone', 'other'] as const
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number]

export const DEFAULT_FOLLOW_UP_DAYS = 3
export const DEFAULT_OPENING_HOURS: Record<ReadyMessageLanguage, string> = {
  'zh-CN': '每天 9:00–18:00',
  en: 'daily 9:00–18:00'
}
