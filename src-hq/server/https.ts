import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HqContext } from '../context'
import { dispatchShopCall, dispatchStaffCall, SHOP_CALLS, type ShopCall } from '../dispatch'
import type { HqErrorData } from '../errors'
import type { HqTls } from './certificate'
// The same static file server as the shop's host: HQ's page is one page with its own tabs.
import { serveStatic } from '../../src-main/host/web/static'

/** A push of 5 000 changes with their payloads fits well inside this. */
const MAX_BODY_BYTES = 64 * 1024 * 1024

const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION: 400,
  HQ_ENROL_CODE_INVALID: 400,
  HQ_ENROL_CODE_EXPIRED: 400,
  SIGN_IN_FAILED: 401,
  SIGN_IN_THROTTLED: 429,
  HQ_KEY_INVALID: 401,
  HQ_KEY_REVOKED: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  INTERNAL: 500
}

/**
 * HQ over HTTPS: shops `POST /hq/<enrol|push|pull>` with their key; staff `POST /api/<operation>`
 * with a bearer token; anything else is the network view's page (when built). Errors are answered
 * as data with a status that matches their code.
 */
export function createHqServer(hq: HqContext, tls: HqTls, options: { webRoot?: string | undefined } = {}): Server {
  return createServer({ key: tls.key, cert: tls.cert }, (request, response) => {
    route(hq, tls, options.webRoot, request, response).catch((error: unknown) => {
      console.error('[hq]', error)
      if (!response.headersSent)
        sendJson(response, 500, { ok: false, error: { code: 'INTERNAL', messageKey: 'hqErrors.INTERNAL' } })
      else response.destroy()
    })
  })
}

async function route(
  hq: HqContext,
  tls: HqTls,
  webRoot: string | undefined,
  request: IncomingMessage,
  response: ServerResponse
): Promise<void> {
  const url = new URL(request.url ?? '/', 'https://hq.invalid')
  if (request.method === 'POST' && (url.pathname.startsWith('/hq/') || url.pathname.startsWith('/api/'))) {
    const body = await readJsonBody(request)
    if (!body.ok) return sendJson(response, 400, { ok: false, error: body.error })
    const result = url.pathname.startsWith('/hq/')
      ? await shopCall(hq, url.pathname.slice('/hq/'.length), request, body.value)
      : await dispatchStaffCall(
          hq,
          tls.fingerprint,
          url.pathname.slice('/api/'.length),
          bearerToken(request),
          body.value
        )
    return sendJson(response, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 400), result)
  }
  if (webRoot && (request.method === 'GET' || request.method === 'HEAD')) {
    return serveStatic(webRoot, url.pathname, request, response)
  }
  sendJson(response, 404, { ok: false, error: { code: 'NOT_FOUND', messageKey: 'hqErrors.NOT_FOUND' } })
}

function shopCall(hq: HqContext, name: string, request: IncomingMessage, body: unknown) {
  if (!(SHOP_CALLS as readonly string[]).includes(name)) {
    return Promise.resolve({ ok: false as const, error: { code: 'NOT_FOUND', messageKey: 'hqErrors.NOT_FOUND' } })
  }
  return dispatchShopCall(hq, name as ShopCall, request.headers.authorization, body)
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined
}

type BodyResult = { ok: true; value: unknown } | { ok: false; error: HqErrorData }

async function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return { ok: false, error: { code: 'VALIDATION', messageKey: 'hqErrors.bodyTooLarge' } }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, error: { code: 'VALIDATION', messageKey: 'hqErrors.malformedJson' } }
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  response.end(text)
}
