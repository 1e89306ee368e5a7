import { CHANGES_EVENT, type ChangeBatch, type ChangeNotice } from '../../src-shared/liveChanges'
import type { ServiceCenterBridge } from '../../src-shared/bridge'
import { readToken } from './token'

/** When no event stream carries changes (an older desktop shell, a dropped stream), screens refresh this often. */
export const FALLBACK_REFRESH_MS = 30_000
/** Changes that arrive together (one save touching several records) cause one refetch. */
const COALESCE_MS = 50

/** Which of the changes of a subscribed entity concern what a screen shows (a record's page: its own id). */
export type ChangeFilter = (change: ChangeNotice) => boolean

interface Subscriber {
  entities: ReadonlySet<string>
  concerns: ChangeFilter | undefined
  refresh: () => void
  timer: ReturnType<typeof setTimeout> | undefined
}

const subscribers = new Set<Subscriber>()
/** The stream of changes: the HTTP host's event stream in a browser, relayed by the desktop shell inside it. */
interface LiveSource {
  readonly open: boolean
  readonly closed: boolean
  close(): void
}

let source: LiveSource | undefined
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
  return source?.open === true
}

function streamOpened(): void {
  if (missedSome) refreshAll()
  missedSome = false
}

function batchArrived(batch: ChangeBatch): void {
  for (const subscriber of subscribers) {
    const concerned = batch.changes.some(
      (change) =>
        subscriber.entities.has(change.entity) &&
        // A batch of too many records to list names none: it may concern anyone.
        (change.id === null || subscriber.concerns === undefined || subscriber.concerns(change))
    )
    if (concerned) schedule(subscriber)
  }
}

function openStream(): void {
  const token = readToken()
  if (source && sourceToken === token && !source.closed) return
  source?.close()
  source = undefined
  if (typeof window === 'undefined' || !token) return
  const shell = window.serviceCenter
  if (shell ? !shell.watchChanges : typeof EventSource === 'undefined') return
  sourceToken = token
  source = shell ? shellSource(shell, token) : eventSource(token)
}

/** The HTTP host's GET /events. */
function eventSource(token: string): LiveSource {
  const events = new EventSource(`/events?token=${encodeURIComponent(token)}`)
  events.addEventListener('open', streamOpened)
  events.addEventListener('error', () => {
    missedSome = true
  })
  events.addEventListener(CHANGES_EVENT, (event) => {
    batchArrived(JSON.parse((event as MessageEvent<string>).data) as ChangeBatch)
  })
  return {
    get open() {
      return events.readyState === EventSource.OPEN
    },
    get closed() {
      return events.readyState === EventSource.CLOSED
    },
    close: () => events.close()
  }
}

/** The desktop shell's relay: this PC's own changes, or the shop server's at a desk. */
function shellSource(shell: ServiceCenterBridge, token: string): LiveSource {
  let state: 'connecting' | 'open' | 'closed' = 'connecting'
  const stop = shell.watchChanges!(token, (message) => {
    if (message.kind === 'open') {
      state = 'open'
      streamOpened()
    } else if (message.kind === 'dropped') {
      state = 'connecting'
      missedSome = true
    } else if (message.kind === 'refused') {
      state = 'closed'
    } else batchArrived(message.batch)
  })
  return {
    get open() {
      return state === 'open'
    },
    get closed() {
      return state === 'closed'
    },
    close() {
      state = 'closed'
      stop()
    }
  }
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
 * (`work_order`, `part_request`, `invoice`, ...) that `concerns` the screen (all of them without
 * it), and every 30 s while no change stream is open. Returns the unsubscribe function.
 */
export function onChanges(entities: readonly string[], refresh: () => void, concerns?: ChangeFilter): () => void {
  const subscriber: Subscriber = { entities: new Set(entities), concerns, refresh, timer: undefined }
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
