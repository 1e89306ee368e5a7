import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { AppContext } from '../../app/context'
import { dispatch } from '../../rpc/dispatch'
import type { HandlerTable } from '../../rpc/handler'
import { AppError, type ErrorCode, type RpcResult } from '../../../src-shared/contract'
import { serveChangeEvents } from './events'
import { serveStatic } from './static'
import type { CallSource } from '../../rpc/callSource'
import { CERTIFICATE_PATH } from '../../features/desks/network/service'

/** Loopback only, by construction: this host is for browser mode and tests on this machine. */
export const WEB_HOST_ADDRESS = '127.0.0.1'
const MAX_BODY_BYTES = 2 * 1024 * 1024

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_LOCKED: 423,
  ACCOUNT_LOCKED: 423,
  SIGN_IN_THROTTLED: 429,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_OPERATION: 404,
  CONFLICT: 409,
  ALREADY_INITIALIZED: 409,
  NOT_INITIALIZED: 409,
  DESK_NOT_PAIRED: 401,
  DESK_REVOKED: 403,
  DESK_RELEASE_MISMATCH: 409,
  PAIRING_THROTTLED: 429,
  INTERNAL: 500
}

export interface WebHostOptions {
  port: number
  /** The built renderer; without it only `/rpc` answers. */
  staticDir?: string
}

export interface WebHost {
  server: Server
  url: string
  close(): Promise<void>
}

export async function startWebHost(app: AppContext, handlers: HandlerTable, options: WebHostOptions): Promise<WebHost> {
  const server = createServer((request, response) => {
    handle(app, handlers, options, request, response).catch((error) => {
      console.error('[web] request failed', error)
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: new AppError('INTERNAL').toData() })
    })
  })
  return listenOn(server, 'http', WEB_HOST_ADDRESS, options.port)
}

/**
 * Starts a host listening and hands it back with the URL a client reaches it at (the port the
 * system chose when asked for 0) and a close that also ends the connections still open, so a
 * stop never waits on a browser's keep-alive.
 */
export async function listenOn<S extends Server | HttpsServer>(
  server: S,
  scheme: 'http' | 'https',
  address: string,
  port: number
): Promise<{ server: S; url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, address, () => resolve())
  })
  const bound = (server.address() as AddressInfo).port
  return {
    server,
    url: `${scheme}://${address}:${bound}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

async function handle(
  app: AppContext,
  handlers: HandlerTable,
  options: WebHostOptions,
  request: IncomingMessage,
  response: ServerResponse
): Promise<void> {
  // A page on another site can point a browser at 127.0.0.1 through its own DNS name
  // (DNS rebinding); only loopback host names are answered.
  if (!isLoopbackHostHeader(request.headers.host))
    return sendJson(response, 421, { ok: false, error: new AppError('FORBIDDEN').toData() })
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (url.pathname.startsWith('/rpc/')) {
    return serveRpc(app, handlers, request, response, url, {
      transport: 'http',
      address: request.socket.remoteAddress
    })
  }
  if (url.pathname === '/events' && request.method === 'GET') {
    if (serveChangeEvents(app, request, response, url.searchParams.get('token'))) return
    return sendJson(response, 401, { ok: false, error: new AppError('UNAUTHENTICATED').toData() })
  }
  if (url.pathname === CERTIFICATE_PATH && request.method === 'GET') return serveCertificate(app, response)
  if (options.staticDir && (request.method === 'GET' || request.method === 'HEAD')) {
    return serveStatic(options.staticDir, url.pathname, request, response)
  }
  sendJson(response, 404, { ok: false, error: new AppError('NOT_FOUND').toData() })
}

/**
 * One `POST /rpc/<operation>` through dispatch, the same for the loopback and the LAN host; the
 * host has already decided who the caller is (`source`, with the paired desk on the LAN).
 */
export async function serveRpc(
  app: AppContext,
  handlers: HandlerTable,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  source: CallSource
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST')
    return sendJson(response, 405, {
      ok: false,
      error: new AppError('VALIDATION', 'errors.methodNotAllowed').toData()
    })
  }
  if (!isSameOriginJsonRequest(request)) {
    return sendJson(response, 403, {
      ok: false,
      error: new AppError('FORBIDDEN', 'errors.FORBIDDEN', { reason: 'cross-origin' }).toData()
    })
  }
  const operation = operationFromPath(url.pathname)
  const body = await readJsonBody(request)
  const result = body.ok
    ? await dispatch(app, handlers, {
        operation,
        input: body.value,
        token: bearerToken(request),
        source,
        requestId: singleHeader(request, REQUEST_ID_HEADER)
      })
    : ({ ok: false, error: body.error } as const)
  return sendResult(response, result)
}

/** The header a desk's write carries its request id in (features/desks/requestLog.ts). */
export const REQUEST_ID_HEADER = 'x-request-id'

export function singleHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** An answer with the status its error code maps to (200 when it is no error). */
export function sendResult(response: ServerResponse, result: RpcResult<unknown>): void {
  sendJson(response, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 400), result)
}

/** The shop server's certificate, for a browser on the LAN to trust (its fingerprint is on the admin's screen). */
export function serveCertificate(app: AppContext, response: ServerResponse): void {
  const pem = app.shopNetwork?.certificatePem()
  if (!pem) return sendJson(response, 404, { ok: false, error: new AppError('NOT_FOUND').toData() })
  response.writeHead(200, {
    'Content-Type': 'application/x-x509-ca-cert',
    'Content-Disposition': 'attachment; filename="shop-server.crt"',
    'Content-Length': Buffer.byteLength(pem),
    'X-Content-Type-Options': 'nosniff'
  })
  response.end(pem)
}

/** `/rpc/users.list` -> `users.list`; a malformed escape becomes a name no operation has. */
function operationFromPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname.slice('/rpc/'.length))
  } catch {
    return ''
  }
}

export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false
  const name = host.replace(/:\d+$/, '')
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]'
}

/**
 * Another site open in the same browser can send "simple" cross-site requests to 127.0.0.1.
 * Requiring a JSON content type forces such requests through a CORS preflight this host never
 * approves, and a foreign Origin header is refused outright.
 */
export function isSameOriginJsonRequest(request: IncomingMessage): boolean {
  const contentType = request.headers['content-type'] ?? ''
  if (!contentType.toLowerCase().startsWith('application/json')) return false
  const origin = request.headers.origin
  const scheme = 'encrypted' in request.socket ? 'https' : 'http'
  return origin === undefined || origin === `${scheme}://${request.headers.host}`
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined
}

type BodyResult = { ok: true; value: unknown } | { ok: false; error: ReturnType<AppError['toData']> }

async function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return { ok: false, error: new AppError('VALIDATION', 'errors.bodyTooLarge').toData() }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, error: new AppError('VALIDATION', 'errors.malformedJson').toData() }
  }
}

export function sendJson(response: ServerResponse, status: number, body: RpcResult<unknown>): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  response.end(text)
}
