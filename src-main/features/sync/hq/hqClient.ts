import { Agent, request } from 'node:https'
import { connect, type TLSSocket } from 'node:tls'
import type { Socket } from 'node:net'
import type { z } from 'zod'
import { HQ_ERROR_CODES, type HqErrorCode } from '../../../../src-shared/hq/protocol'

/** Why a call to HQ failed, in the words the sync page uses (sync.problem.<kind>). */
export type HqProblem =
  | 'unreachable'
  | 'certificateChanged'
  | 'keyInvalid'
  | 'keyRevoked'
  | 'codeInvalid'
  | 'codeExpired'
  | 'hqRefused'
  | 'keyUnreadable'

/** What HQ itself answered when it refused a call: its code and the params it named (a change id, a field). */
export interface HqRefusal {
  code: string
  messageKey: string
  params: Record<string, unknown>
}

export class HqCallError extends Error {
  constructor(
    readonly problem: HqProblem,
    detail: string,
    readonly refusal: HqRefusal | null = null
  ) {
    super(detail)
  }
}

const PROBLEM_OF_CODE: Record<HqErrorCode, HqProblem> = {
  HQ_KEY_INVALID: 'keyInvalid',
  HQ_KEY_REVOKED: 'keyRevoked',
  HQ_ENROL_CODE_INVALID: 'codeInvalid',
  HQ_ENROL_CODE_EXPIRED: 'codeExpired',
  VALIDATION: 'hqRefused',
  INTERNAL: 'hqRefused'
}

/** Where HQ is and how the shop proves who it is: the base URL, the pinned certificate, the key. */
export interface HqEndpoint {
  baseUrl: string
  /** SHA-256 of HQ's certificate as Node prints it (`AB:CD:…`). */
  fingerprint: string
  shopKey: string | null
}

export const HQ_CALL_TIMEOUT_MS = 30_000

function target(baseUrl: string): { host: string; port: number; path: string } {
  const url = new URL(baseUrl)
  if (url.protocol !== 'https:') throw new HqCallError('unreachable', `HQ must be https: ${baseUrl}`)
  return { host: url.hostname, port: Number(url.port || 443), path: url.pathname.replace(/\/$/, '') }
}

/**
 * A TLS connection that is handed to the HTTP request only once HQ's certificate matched the
 * pinned fingerprint: nothing, the shop key least of all, is written to a server that is not HQ.
 * Chain and host name are not checked (HQ's own certificate is self-made); the pin is the trust.
 */
function pinnedConnection(host: string, port: number, fingerprint: string) {
  return (_options: unknown, ready: (error: Error | null, socket: Socket) => void): undefined => {
    const socket = connect({ host, port, servername: isIp(host) ? undefined : host, rejectUnauthorized: false })
    socket.once('secureConnect', () => {
      const seen = socket.getPeerCertificate().fingerprint256
      if (seen !== fingerprint) {
        const error = new HqCallError(
          'certificateChanged',
          `HQ's certificate is ${seen}, not the pinned ${fingerprint}`
        )
        socket.destroy(error)
        ready(error, socket)
        return
      }
      ready(null, socket)
    })
    socket.once('error', (error) => ready(error, socket))
    return undefined
  }
}

/**
 * How long a connection to HQ is kept open between calls. A sync's calls come back to back (a
 * pull per table, a push per batch) and a new TLS connection costs a handshake each: about 6 ms
 * of CPU a call on loopback, more round trips over a WAN (`tests/bench/hqKeepAlive.bench.ts`).
 * Kept shorter than a server's usual idle limit (Node's 5 s; a server announcing a shorter one
 * with `Keep-Alive: timeout=` is believed, less a second), so the shop drops an idle connection
 * before HQ does; a connection HQ closed anyway is retried once on a new one (`sendHqCall`).
 */
export const HQ_IDLE_CONNECTION_MS = 4_000

/** One agent per HQ address and pinned certificate: its connections are kept for the next call. */
const keptAgents = new Map<string, Agent>()

/**
 * An agent whose every connection is pinned (Agent.createConnection may answer later, by
 * callback). Kept per address and certificate, except for enrolment: its code is spent once, so
 * it is never sent on a connection that might have been closed under it.
 */
function pinnedAgent(host: string, port: number, fingerprint: string, keepAlive: boolean): Agent {
  const key = `${host}:${port}:${fingerprint}`
  const kept = keepAlive ? keptAgents.get(key) : undefined
  if (kept) return kept
  const agent = new Agent(keepAlive ? { keepAlive, timeout: HQ_IDLE_CONNECTION_MS } : { keepAlive })
  agent.createConnection = pinnedConnection(host, port, fingerprint) as unknown as Agent['createConnection']
  if (keepAlive) keptAgents.set(key, agent)
  return agent
}

/**
 * A kept connection HQ (or a proxy) closed just as the call went out on it. HQ may have read the
 * call already, so sending it again is safe only because every call on a kept connection is
 * idempotent (a push by its batch and change ids, a pull only reads): keep it so.
 */
function closedUnderneath(error: Error & { code?: string }): boolean {
  return error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.code === 'ECONNABORTED'
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':')
}

function isProblem(value: unknown): value is HqCallError {
  return value instanceof HqCallError
}

/** One protocol call: POST /hq/<name> with a JSON body; the answer checked against its schema. */
export function callHq<T>(endpoint: HqEndpoint, name: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  return sendHqCall(endpoint, name, body, schema).answer
}

/** A call under way: `sent` once the request has left for HQ (or could not), `answer` with HQ's answer. */
export interface HqCallUnderWay<T> {
  sent: Promise<void>
  answer: Promise<T>
}

/**
 * A protocol call whose caller can tell when HQ has the request: the connection, its TLS
 * handshake and the request's writing all need this thread's turns, so a caller about to keep
 * the thread busy (a pull applying a page) waits for `sent` first, and HQ works meanwhile.
 */
export function sendHqCall<T>(
  endpoint: HqEndpoint,
  name: string,
  body: unknown,
  schema: z.ZodType<T>
): HqCallUnderWay<T> {
  const { host, port, path } = target(endpoint.baseUrl)
  const payload = Buffer.from(JSON.stringify(body), 'utf8')
  let markSent = () => {}
  const sent = new Promise<void>((resolve) => (markSent = resolve))
  const keepAlive = endpoint.shopKey !== null
  const answer = new Promise<T>((resolve, reject) => {
    let settled = false
    const fail = (error: HqCallError) => {
      if (settled) return
      settled = true
      reject(error)
    }
    const send = (retried: boolean) => {
      const req = request(
        {
          host,
          port,
          method: 'POST',
          path: `${path}/hq/${name}`,
          agent: pinnedAgent(host, port, endpoint.fingerprint, keepAlive),
          headers: {
            'content-type': 'application/json',
            'content-length': payload.length,
            ...(endpoint.shopKey ? { authorization: `ShopKey ${endpoint.shopKey}` } : {})
          },
          timeout: HQ_CALL_TIMEOUT_MS
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('error', (error) => fail(new HqCallError('unreachable', error.message)))
          res.on('end', () => {
            if (settled) return
            let answer: unknown
            try {
              answer = JSON.parse(Buffer.concat(chunks).toString('utf8'))
            } catch {
              fail(new HqCallError('hqRefused', `HQ answered ${res.statusCode} without JSON`))
              return
            }
            const envelope = answer as {
              ok?: boolean
              data?: unknown
              error?: { code?: string; messageKey?: string; params?: Record<string, unknown> }
            }
            if (envelope.ok === true) {
              const parsed = schema.safeParse(envelope.data)
              if (!parsed.success) {
                fail(new HqCallError('hqRefused', `HQ's answer to ${name} does not fit the protocol`))
                return
              }
              settled = true
              resolve(parsed.data)
              return
            }
            const code = envelope.error?.code
            const known = (HQ_ERROR_CODES as readonly string[]).includes(code ?? '')
              ? (code as HqErrorCode)
              : 'INTERNAL'
            const refusal: HqRefusal = {
              code: String(code ?? res.statusCode),
              messageKey: String(envelope.error?.messageKey ?? ''),
              params: envelope.error?.params ?? {}
            }
            fail(new HqCallError(PROBLEM_OF_CODE[known], `${refusal.code}: ${refusal.messageKey}`, refusal))
          })
        }
      )
      req.on('timeout', () => req.destroy(new HqCallError('unreachable', `HQ did not answer ${name} in time`)))
      req.on('error', (error) => {
        // Safe to send again: a push is acknowledged by its batch id, a pull only reads.
        if (req.reusedSocket && !retried && !settled && closedUnderneath(error)) send(true)
        else fail(isProblem(error) ? error : new HqCallError('unreachable', error.message))
      })
      // Written out whole ('finish'), or never to be ('close' follows any failure).
      req.once('finish', markSent)
      req.once('close', markSent)
      req.end(payload)
    }
    send(false)
  })
  return { sent, answer }
}

/**
 * Reads HQ's certificate without sending anything, for the admin to compare with the one HQ's
 * network admin shows before the shop trusts it.
 */
export function readHqFingerprint(baseUrl: string): Promise<string> {
  const { host, port } = target(baseUrl)
  return new Promise((resolve, reject) => {
    const socket: TLSSocket = connect({
      host,
      port,
      servername: isIp(host) ? undefined : host,
      rejectUnauthorized: false
    })
    socket.setTimeout(HQ_CALL_TIMEOUT_MS, () => socket.destroy(new Error('timed out')))
    socket.once('secureConnect', () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256
      socket.end()
      resolve(fingerprint)
    })
    socket.once('error', (error) => reject(new HqCallError('unreachable', error.message)))
  })
}
