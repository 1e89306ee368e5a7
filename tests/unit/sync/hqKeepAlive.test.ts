import { X509Certificate } from 'node:crypto'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { callHq, type HqEndpoint } from '../../../src-main/features/sync/hq/hqClient'
import { makeHqCertificate } from './fakeHq'

/**
 * The shop keeps its connection to HQ open between a sync's calls (one TLS handshake, not one a
 * call), and a kept connection HQ closed just as a call went out on it costs nothing but a retry
 * on a new one.
 */

let server: Server
let endpoint: HqEndpoint
let connections = 0
/** The next request is dropped, unanswered, with its connection (HQ closing it under the shop). */
let dropNext = false

beforeAll(async () => {
  const certificate = await makeHqCertificate()
  server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    request.resume()
    request.on('end', () => {
      if (dropNext) {
        dropNext = false
        request.socket.destroy()
        return
      }
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify({ ok: true, data: { answered: true } }))
    })
  })
  server.on('secureConnection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  endpoint = {
    baseUrl: `https://127.0.0.1:${port}`,
    fingerprint: new X509Certificate(certificate.cert).fingerprint256,
    shopKey: 'k'.repeat(40)
  }
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const answered = z.object({ answered: z.boolean() })

describe('the connection to HQ', () => {
  it('is kept for the next call: a sync’s calls share one TLS connection', async () => {
    const before = connections
    for (let i = 0; i < 5; i++) expect(await callHq(endpoint, 'pull', {}, answered)).toEqual({ answered: true })
    expect(connections - before).toBe(1)
  })

  it('closed by HQ as a call goes out on it, the call is sent again on a new connection', async () => {
    await callHq(endpoint, 'pull', {}, answered)
    const before = connections
    dropNext = true
    expect(await callHq(endpoint, 'push', {}, answered)).toEqual({ answered: true })
    expect(connections - before).toBe(1)
  })
})
