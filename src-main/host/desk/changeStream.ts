import type { IncomingMessage } from 'node:http'
import { CHANGES_EVENT, type ChangeBatch } from '../../../src-shared/liveChanges'
import type { LiveChangeMessage } from '../../../src-shared/bridge'
import type { ShopServerClient } from './shopServerClient'

/** What a desk hears of the shop server's live changes, in order: `open` (screens refetch what
 * they missed), `changes`, `dropped` (opened again shortly), `refused` (the session ended or the
 * desk was revoked: not retried). */
export type ChangeStreamMessage = LiveChangeMessage

export interface ChangeStream {
  close(): void
}

/** As the shop server's `retry:` line says; a desk does not hammer a restarting server. */
const REOPEN_AFTER_MS = 2_000

/**
 * Follows the shop server's live changes (GET /events) for a signed-in session of this desk, over
 * the desk client's pinned connection, and hands each message to `listen`. A dropped stream is
 * opened again until `close`; a refused one is not.
 */
export function followShopServerChanges(
  client: Pick<ShopServerClient, 'openGet'>,
  token: string,
  listen: (message: ChangeStreamMessage) => void,
  reopenAfterMs = REOPEN_AFTER_MS
): ChangeStream {
  let closed = false
  let response: IncomingMessage | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const dropped = () => {
    response = undefined
    if (closed) return
    listen({ kind: 'dropped' })
    timer = setTimeout(open, reopenAfterMs)
  }

  function open(): void {
    timer = undefined
    client.openGet(`events?token=${encodeURIComponent(token)}`).then((answer) => {
      if (closed) return void answer.destroy()
      if (answer.statusCode !== 200) {
        answer.resume()
        closed = true
        return listen({ kind: 'refused', status: answer.statusCode ?? 0 })
      }
      response = answer
      listen({ kind: 'open' })
      readEvents(answer, (event, data) => {
        if (event === CHANGES_EVENT && !closed) listen({ kind: 'changes', batch: JSON.parse(data) as ChangeBatch })
      })
      answer.on('error', () => undefined)
      answer.once('close', dropped)
    }, dropped)
  }

  open()
  return {
    close() {
      closed = true
      if (timer !== undefined) clearTimeout(timer)
      response?.destroy()
    }
  }
}

/** Server-sent events as they arrive: each blank-line-ended block's `event` and `data`; comments skipped. */
function readEvents(stream: IncomingMessage, onEvent: (event: string, data: string) => void): void {
  let buffered = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk: string) => {
    buffered += chunk
    let end: number
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end)
      buffered = buffered.slice(end + 2)
      let event = 'message'
      const data: string[] = []
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice('event:'.length).trim()
        else if (line.startsWith('data:')) data.push(line.slice('data:'.length).trimStart())
      }
      if (data.length > 0) onEvent(event, data.join('\n'))
    }
  })
}
