import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppContext } from '../../app/context'
import type { HandlerTable } from '../../rpc/handler'
import { AppError, type AppErrorData } from '../../../src-shared/contract'
import { THIS_PC_DESK_ID } from '../../rpc/callSource'
import { isDeskPaired, verifyDeskCredential } from '../../features/desks/registry'
import { CERTIFICATE_PATH } from '../../features/desks/network/service'
import type { LanCertificate } from './lanCertificate'
import { listenOn, sendResult, sendJson, serveCertificate, serveRpc, singleHeader } from './server'
import { serveStatic } from './static'
import { serveChangeEvents } from './events'
import { APP_RELEASE, DESK_RELEASE_HEADER, SHOP_SERVER_RELEASE_HEADER } from '../../app/release'

/** The header every call of a paired desk carries its credential in. */
export const DESK_CREDENTIAL_HEADER = 'x-desk-credential'
/** The one operation an unpaired client may call. */
const PAIRING_OPERATION_PATH = '/rpc/desks.pair'

export interface LanHostOptions {
  /** `0.0.0.0` for every LAN interface; one address (127.0.0.x in tests) to listen on that one only. */
  address: string
  port: number
  certificate: LanCertificate
  /** The built renderer, so a browser on the LAN can show the pairing screen and the app. */
  staticDir?: string
  /** This server's release (app/release.ts); tests name another to play an updated server. */
  release?: string
}

export interface LanHost {
  server: Server
  url: string
  close(): Promise<void>
}

/**
 * The shop server on the LAN: TLS only, the same dispatch as the loopback host, and nothing for a
 * client that has not paired but the pairing operation, the app's static files and the certificate.
 */
export async function startLanHost(app: AppContext, handlers: HandlerTable, options: LanHostOptions): Promise<LanHost> {
  const server = createServer({ key: options.certificate.key, cert: options.certificate.cert }, (request, response) => {
    handle(app, handlers, options, request, response).catch((error) => {
      console.error('[lan] request failed', error)
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: new AppError('INTERNAL').toData() })
    })
  })
  return listenOn(server, 'https', options.address, options.port)
}

async function handle(
  app: AppContext,
  handlers: HandlerTable,
  options: LanHostOptions,
  request: IncomingMessage,
  response: ServerResponse
): Promise<void> {
  const url = new URL(request.url ?? '/', 'https://shop-server')
  const address = request.socket.remoteAddress
  const release = options.release ?? APP_RELEASE
  response.setHeader(SHOP_SERVER_RELEASE_HEADER, release)
  if (url.pathname === CERTIFICATE_PATH && request.method === 'GET') return serveCertificate(app, response)
  const otherRelease = otherDeskRelease(request, release)
  if (otherRelease) return sendResult(response, { ok: false, error: otherRelease })
  if (url.pathname === PAIRING_OPERATION_PATH) {
    return serveRpc(app, handlers, request, response, url, { transport: 'http', address })
  }
  if (url.pathname.startsWith('/rpc/')) {
    const desk = await deskOfRequest(app, request)
    if (!desk.ok) return sendResult(response, desk)
    // A paired desk that names no release runs an app from before releases were named.
    const unnamed = singleHeader(request, DESK_RELEASE_HEADER) === undefined
    if (unnamed) return sendResult(response, { ok: false, error: releaseMismatch(UNNAMED_RELEASE, release) })
    return serveRpc(app, handlers, request, response, url, { transport: 'http', address, deskId: desk.deskId })
  }
  if (url.pathname === '/events' && request.method === 'GET') return serveDeskEvents(app, request, response, url)
  if (options.staticDir && (request.method === 'GET' || request.method === 'HEAD')) {
    return serveStatic(options.staticDir, url.pathname, request, response)
  }
  sendJson(response, 404, { ok: false, error: new AppError('NOT_FOUND').toData() })
}

/**
 * GET /events over the LAN. An EventSource cannot send the desk credential, so the session token
 * (query parameter `token`) stands for it: the session must have been opened at a desk (never this
 * PC's own), and that desk must still be paired, now and before everything the stream sends.
 */
async function serveDeskEvents(
  app: AppContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL
): Promise<void> {
  const token = url.searchParams.get('token')
  const session = app.sessions.get(token ?? undefined)
  const deskId = session?.deskId
  if (!session || deskId === undefined || deskId === THIS_PC_DESK_ID) {
    return sendJson(response, 401, { ok: false, error: new AppError('UNAUTHENTICATED').toData() })
  }
  if (!(await isDeskPaired(app.db, deskId))) {
    return sendJson(response, 401, { ok: false, error: new AppError('DESK_REVOKED').toData() })
  }
  const stillPaired = () => isDeskPaired(app.db, deskId)
  if (serveChangeEvents(app, request, response, token, stillPaired)) return
  sendJson(response, 401, { ok: false, error: new AppError('UNAUTHENTICATED').toData() })
}

/**
 * A desk of another release is refused everything, pairing included, before any of its calls is
 * read: it would send inputs this server reads differently and misread the answers. The desktop
 * shell and a browser's page both name theirs; a paired desk's call that names none comes from an
 * app older than this check and is refused once the desk is known (the `/rpc/` branch). The change
 * stream cannot carry a header (EventSource), so only a named other release is refused there.
 */
function otherDeskRelease(request: IncomingMessage, release: string): AppErrorData | null {
  const deskRelease = singleHeader(request, DESK_RELEASE_HEADER)
  if (deskRelease === undefined || deskRelease === release) return null
  return releaseMismatch(deskRelease, release)
}

/** What a desk from before releases were named is called in the refusal. */
const UNNAMED_RELEASE = '-'

function releaseMismatch(deskRelease: string, serverRelease: string): AppErrorData {
  return new AppError('DESK_RELEASE_MISMATCH', 'errors.DESK_RELEASE_MISMATCH', { deskRelease, serverRelease }).toData()
}

export type DeskOfRequest = { ok: true; deskId: string } | { ok: false; error: ReturnType<AppError['toData']> }

/**
 * The paired desk a LAN request comes from, by its `X-Desk-Credential`; anything served over the
 * LAN beyond pairing (the RPC calls, the change events) asks this first.
 */
export async function deskOfRequest(app: AppContext, request: IncomingMessage): Promise<DeskOfRequest> {
  try {
    return {
      ok: true,
      deskId: await verifyDeskCredential(app.db, singleHeader(request, DESK_CREDENTIAL_HEADER), app.clock())
    }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toData() }
    throw error
  }
}
