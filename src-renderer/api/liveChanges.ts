import { CHANGES_EVENT, type ChangeBatch } from '../../src-shared/liveChanges'
import { readToken } from './token'

/** When no event stream carries changes (the desktop shell, a dropped stream), screens refresh this often. */
export const FALLBACK_REFRESH_MS = 30_000
/** Changes that arrive together (one save touching several records) cause one refetch. */
const COALESCE_MS = 50

interface Subscriber {
  entities: ReadonlySet<string>
  refresh: () => void
  timer: ReturnType<typeof setTimeout> | undefined
}

const subscribers = new Set<Subscriber>()
let source: EventSource | undefined
let sourceToken: string | undefined
let fallbackTimer: ReturnType<typeof setInterval> | undefined
/** Set once the stream dropped: whatever changed meanwhile was missed, so reopening refreshes all. */
let missedSome = false

function schedule(subscriber: Subscriber): void {
  if (subscriber.timer !== undefined) return
  subscriber.timer = setTimeout(() => {
    subscriber.timer = undefined
    if (subscribers.has(subscriber)) subscriber.refresh()
  }, COALESCE_MS)
}

function refreshAll(): void {
  subscribers.forEach(schedule)
}

function streamIsOpen(): boolean {
  return source !== undefined && source.readyState === EventSource.OPEN
}

/** The HTTP host pushes changes; over the desktop shell's IPC there is no stream, only the fallback. */
function openStream(): void {
  const token = readToken()
  if (source && sourceToken === token && source.readyState !== EventSource.CLOSED) return
  source?.close()
  source = undefined
  if (typeof window === 'undefined' || window.serviceCenter || typeof EventSource === 'undefined' || !token) return
  sourceToken = token
  source = new EventSource(`/events?token=${encodeURIComponent(token)}`)
  source.addEventListener('open', () => {
    if (missedSome) refreshAll()
    missedSome = false
  })
  source.addEventListener('error', () => {
    missedSome = true
  })
  source.addEventListener(CHANGES_EVENT, (event) => {
    const batch = JSON.parse((event as MessageEvent<string>).data) as ChangeBatch
    for (const subscriber of subscribers) {
      if (batch.changes.some((change) => subscriber.entities.has(change.entity))) schedule(subscriber)
    }
  })
}

function closeStream(): void {
  source?.close()
  source = undefined
  sourceToken = undefined
  if (fallbackTimer !== undefined) clearInterval(fallbackTimer)
  fallbackTimer = undefined
}

/**
 * Calls `refresh` when another desk (or this one) commits a change to one of `entities`
 * (`work_order`, `part_request`, `invoice`, ...), and every 30 s while no event stream is open.
 * Returns the unsubscribe function.
 */
export function onChanges(entities: readonly string[], refresh: () => void): () => void {
  const subscriber: Subscriber = { entities: new Set(entities), refresh, timer: undefined }
  subscribers.add(subscriber)
  openStream()
  fallbackTimer ??= setInterval(() => {
    if (streamIsOpen()) return
    refreshAll()
    // A stream refused (the session was gone) stays closed: try again with the token of now.
    openStream()
  }, FALLBACK_REFRESH_MS)
  return () => {
    if (subscriber.timer !== undefined) clearTimeout(subscriber.timer)
    subscribers.delete(subscriber)
    if (subscribers.size === 0) closeStream()
  }
}
