import { request as httpsRequest } from 'node:https'
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { CHANGES_EVENT } from '../../../src-shared/liveChanges'
import { ADMIN, callOk } from '../helpers'
import { intake } from '../workOrders/fixtures'
import { pairDesk, shopServerPerFile, until } from './fixtures'

const shop = shopServerPerFile()

interface Stream {
  response: IncomingMessage
  text: () => string
  ended: () => boolean
  close: () => void
}

/** Opens GET /events over the LAN as a desk's EventSource would: no credential header, a token. */
function openStream(baseUrl: string, token: string, localAddress: string): Promise<Stream> {
  const url = new URL(`events?token=${encodeURIComponent(token)}`, baseUrl)
  return new Promise((resolve, reject) => {
    // The certificate's pinning is the desk client's business (tested elsewhere); this is about who may listen.
    const req = httpsRequest(url, { method: 'GET', localAddress, rejectUnauthorized: false }, (response) => {
      let text = ''
      let ended = false
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
      response.on('end', () => (ended = true))
      response.on('close', () => (ended = true))
      resolve({ response, text: () => text, ended: () => ended, close: () => req.destroy() })
    })
    req.on('error', reject)
    req.end()
  })
}

describe('live changes over the LAN', () => {
  it('a token nobody holds, or one opened at the shop server itself, gets no stream', async () => {
    const server = shop()
    const desk = await pairDesk(server)
    const unknown = await openStream(server.url, 'not-a-token-at-all', desk.address)
    expect(unknown.response.statusCode).toBe(401)
    unknown.close()
    const local = await callOk(server.app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    const atShopServer = await openStream(server.url, local.token, desk.address)
    expect(atShopServer.response.statusCode).toBe(401)
    atShopServer.close()
  })

  it("a paired desk's session streams changes; once the desk is revoked its stream is closed", async () => {
    const server = shop()
    const desk = await pairDesk(server, '前台3')
    const { token } = await desk.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    const stream = await openStream(server.url, token, desk.address)
    expect(stream.response.statusCode).toBe(200)
    expect(stream.response.headers['content-type']).toContain('text/event-stream')

    await callOk(server.app, 'workOrders.create', intake(), server.adminToken)
    await until(() => stream.text().includes(`event: ${CHANGES_EVENT}`))

    await callOk(server.app, 'desks.revoke', { deskId: desk.id }, server.adminToken)
    const seenBefore = stream.text()
    await callOk(server.app, 'workOrders.create', intake(), server.adminToken)
    await until(() => stream.ended())
    expect(stream.text()).toBe(seenBefore)

    const again = await openStream(server.url, token, desk.address)
    expect(again.response.statusCode).toBe(401)
    again.close()
  })
})
