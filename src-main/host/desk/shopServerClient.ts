import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { Agent, request as httpsRequest } from 'node:https'
import type { Duplex } from 'node:stream'
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls'
import { AppError, isOperationName, type AppErrorData, type RpcResult } from '../../../src-shared/contract'
import type { DeskPairing } from '../../../src-shared/contract/desks'
import { isWriteOperation } from '../../../src-shared/contract/permissions'
import { SHOP_SERVER_UNANSWERED } from '../../../src-shared/bridge'
import { APP_RELEASE } from '../../app/release'

/** The headers the LAN host reads (host/web/lanHost.ts, host/web/server.ts). */
export const DESK_CREDENTIAL_HEADER = 'X-Desk-Credential'
export const REQUEST_ID_HEADER = 'X-Request-Id'
/** This desk's release (app/release.ts): a shop server of another release refuses the desk. */
export const DESK_RELEASE_HEADER = 'X-Desk-Release'

export interface ShopServerAddress {
  /** `https://192.168.1.10:4320/` */
  url: string
  /** The certificate fingerprint pinned at pairing (`AB:CD:...`, SHA-256). */
  fingerprint: string
}

export interface ShopServerClientOptions extends ShopServerAddress {
  credential: string
  /** How long one try may take before it counts as lost; 10 s by default. */
  timeoutMs?: number
  /** Waits between tries after a lost connection; their count is the number of retries. */
  retryDelaysMs?: readonly number[]
  /** The local address to call from, on a PC with several network cards (tests: 127.0.0.x). */
  localAddress?: string
  /** This desk's release; tests name another to play a desk not yet updated. */
  release?: string
}

export interface DeskCall {
  operation: string
  input: unknown
  token?: string | undefined
  /** The form's own id for this save, kept across the desk's retries; one is made when absent. */
  requestId?: string | undefined
}

const DEFAULT_RETRY_DELAYS_MS = [200, 500, 1000] as const
const CONNECTION_LOST: AppErrorData = SHOP_SERVER_UNANSWERED

/** Raised inside the client when the server shows a certificate other than the pinned one. */
class CertificateChanged extends Error {
  constructor(readonly seen: string) {
    super('SHOP_SERVER_CERTIFICATE_CHANGED')
  }
}

/**
 * The desk's side of the shop network, for the desktop shell in desk mode: every contract call
 * goes to the shop server over HTTPS, with the certificate pinned (a changed one is refused before
 * a byte of the call is sent), the desk credential, and a request id on every write so a retry
 * after a lost connection is applied once.
 */
export class ShopServerClient {
  private readonly agent: Agent
  private readonly base: URL

  constructor(private readonly options: ShopServerClientOptions) {
    this.base = new URL(options.url)
    this.agent = pinnedAgent(options.fingerprint)
  }

  async call(call: DeskCall): Promise<RpcResult<unknown>> {
    const write = !isOperationName(call.operation) || isWriteOperation(call.operation)
    const requestId = write ? (call.requestId ?? randomUUID()) : undefined
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.send(call, requestId)
      } catch (error) {
        if (error instanceof CertificateChanged) return certificateChangedResult(this.options.fingerprint, error.seen)
        // Reads are safe to repeat; writes are too, since the server answers a known request id.
        const delay = delays[attempt]
        if (delay === undefined) return { ok: false, error: CONNECTION_LOST }
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  close(): void {
    this.agent.destroy()
  }

  /**
   * GET `path` on the shop server over the pinned connection, for a long answer read as it comes
   * (the live-change stream). A changed certificate fails the request like any call's.
   */
  openGet(path: string): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const headers = {
        [DESK_CREDENTIAL_HEADER]: this.options.credential,
        [DESK_RELEASE_HEADER]: this.options.release ?? APP_RELEASE,
        Accept: 'text/event-stream'
      }
      const { localAddress } = this.options
      const request = httpsRequest(
        new URL(path, this.base),
        { method: 'GET', headers, agent: this.agent, ...(localAddress ? { localAddress } : {}) },
        resolve
      )
      request.on('error', reject)
      request.end()
    })
  }

  private send(call: DeskCall, requestId: string | undefined): Promise<RpcResult<unknown>> {
    const body = JSON.stringify(call.input ?? {})
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
      [DESK_CREDENTIAL_HEADER]: this.options.credential,
      [DESK_RELEASE_HEADER]: this.options.release ?? APP_RELEASE
    }
    if (call.token) headers.Authorization = `Bearer ${call.token}`
    if (requestId) headers[REQUEST_ID_HEADER] = requestId
    const url = new URL(`rpc/${encodeURIComponent(call.operation)}`, this.base)
    return postJson(url, headers, body, this.agent, this.options.timeoutMs ?? 10_000, this.options.localAddress)
  }
}

/**
 * Pairs this desk with a shop server: the code an admin read out buys a credential of the desk's
 * own. The certificate seen now is the one pinned from then on; the admin compares its fingerprint
 * with the one on the shop server's screen.
 */
export async function pairWithShopServer(
  url: string,
  input: { code: string; deskName?: string },
  localAddress?: string,
  release: string = APP_RELEASE
): Promise<{ ok: true; pairing: DeskPairing; fingerprint: string } | { ok: false; error: AppErrorData }> {
  let seen = ''
  const agent = agentCheckingCertificate(new Agent({ keepAlive: false }), (fingerprint) => {
    seen = fingerprint
    return null
  })
  try {
    const body = JSON.stringify(input)
    const result = await postJson(
      new URL('rpc/desks.pair', url),
      {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(body)),
        [DESK_RELEASE_HEADER]: release
      },
      body,
      agent,
      10_000,
      localAddress
    )
    if (!result.ok) return result
    const pairing = result.data as DeskPairing
    // The server says which certificate it has; a different one on the wire is someone in between.
    if (pairing.certificateFingerprint !== null && pairing.certificateFingerprint !== seen) {
      return certificateChangedResult(pairing.certificateFingerprint, seen)
    }
    return { ok: true, pairing, fingerprint: seen }
  } catch {
    return { ok: false, error: CONNECTION_LOST }
  } finally {
    agent.destroy()
  }
}

function certificateChangedResult(pinned: string, seen: string): { ok: false; error: AppErrorData } {
  return {
    ok: false,
    error: new AppError('SHOP_SERVER_CERTIFICATE_CHANGED', 'errors.SHOP_SERVER_CERTIFICATE_CHANGED', {
      pinned,
      seen
    }).toData()
  }
}

/**
 * An agent whose connections are handed to a request only once the server's certificate proved
 * to be the pinned one. The certificate is self-made, so no authority vouches for it: the pin is
 * the whole check (host names do not matter; a desk may reach the server by any address).
 */
function pinnedAgent(fingerprint: string): Agent {
  return agentCheckingCertificate(new Agent({ keepAlive: true, maxSockets: 8 }), (seen) =>
    seen === fingerprint ? null : new CertificateChanged(seen)
  )
}

/** Gives the agent's requests only connections whose certificate `check` accepted (null: accepted). */
function agentCheckingCertificate(agent: Agent, check: (fingerprint: string) => Error | null): Agent {
  agent.createConnection = ((options: ConnectionOptions, done: (error: Error | null, socket?: Duplex) => void) => {
    let settled = false
    const settle = (error: Error | null, socket?: TLSSocket) => {
      if (settled) return
      settled = true
      done(error, socket)
    }
    const socket = connect({ ...options, rejectUnauthorized: false })
    // Small requests and answers: waiting to fill a packet (Nagle) only adds delay.
    socket.setNoDelay(true)
    socket.once('secureConnect', () => {
      const refused = check(socket.getPeerCertificate().fingerprint256)
      if (refused) socket.destroy()
      settle(refused, refused ? undefined : socket)
    })
    socket.once('error', (error) => settle(error))
  }) as unknown as Agent['createConnection']
  return agent
}

function postJson(
  url: URL,
  headers: Record<string, string>,
  body: string,
  agent: Agent,
  timeoutMs: number,
  localAddress?: string
): Promise<RpcResult<unknown>> {
  return new Promise((resolve, reject) => {
    const options = { method: 'POST', headers, agent, timeout: timeoutMs, ...(localAddress ? { localAddress } : {}) }
    const request = httpsRequest(url, options, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as RpcResult<unknown>)
        } catch (error) {
          reject(error instanceof Error ? error : new Error('malformed answer'))
        }
      })
    })
    request.on('timeout', () => request.destroy(new Error('timed out')))
    request.on('error', reject)
    request.end(body)
  })
}
