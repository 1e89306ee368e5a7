import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppContext } from '../../app/context'
import { CHANGES_EVENT, type ChangeBatch, type ChangeNotice } from '../../../src-shared/liveChanges'

/** Every stream gets the same batch: it is written out once, not once per desk. */
const eventTexts = new WeakMap<ChangeNotice[], string>()

function changesEvent(changes: ChangeNotice[]): string {
  let text = eventTexts.get(changes)
  if (text === undefined) {
    const batch: ChangeBatch = { changes }
    text = `event: ${CHANGES_EVENT}\ndata: ${JSON.stringify(batch)}\n\n`
    eventTexts.set(changes, text)
  }
  return text
}

/** Often enough that proxies and the desk notice a dead stream, rarely enough to cost nothing. */
export const HEARTBEAT_MS = 15_000

/**
 * GET /events: the live-change feed as server-sent events, for a signed-in session only. An
 * EventSource cannot set headers, so the session token comes as the `token` query parameter.
 * Each committed transaction's changes are one `changes` event; a comment line every 15 s keeps
 * the stream alive, and the stream ends when the session does.
 */
export function serveChangeEvents(
  app: AppContext,
  request: IncomingMessage,
  response: ServerResponse,
  token: string | null,
  /** Asked again before every batch and heartbeat (the LAN host: is the session's desk still paired?). */
  stillAllowed: () => Promise<boolean> = async () => true
): boolean {
  if (!app.sessions.get(token ?? undefined)) return false
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'keep-alive'
  })
  // Tells the EventSource how soon to come back after the stream drops (a server restart).
  response.write('retry: 2000\n\n')
  // A stream whose session or desk has ended is closed instead of written to.
  const whileAllowed = (write: () => void) => {
    if (!app.sessions.get(token ?? undefined)) return response.end()
    stillAllowed().then(
      (allowed) => (allowed ? write() : response.end()),
      () => response.end()
    )
  }
  const unsubscribe = app.changes.subscribe((changes) => {
    const event = changesEvent(changes)
    whileAllowed(() => response.write(event))
  })
  const heartbeat = setInterval(() => whileAllowed(() => response.write(': heartbeat\n\n')), HEARTBEAT_MS)
  heartbeat.unref()
  const stop = () => {
    clearInterval(heartbeat)
    unsubscribe()
  }
  request.once('close', stop)
  response.once('close', stop)
  return true
}
