import { request as httpRequest, type IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebHost, type WebHost } from '../../../src-main/host/web/server'
import { closeApp, handlers, initializedApp, type InitializedApp } from '../helpers'

/** Opens GET /events and collects what arrives, as an EventSource would read it. */
function openStream(
  url: string,
  path: string
): Promise<{ response: IncomingMessage; text: () => string; close: () => void }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method: 'GET', path }, (response) => {
      let text = ''
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
      resolve({ response, text: () => text, close: () => req.destroy() })
    })
    req.on('error', reject)
    req.end()
  })
}

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('the live-change event stream of the HTTP host', () => {
  let shop: InitializedApp
  let web: WebHost

  beforeAll(async () => {
    shop = await initializedApp()
    web = await startWebHost(shop.app, handlers, { port: 0 })
  })
  afterAll(async () => {
    await web.close()
    await closeApp(shop.app)
  })

  it('refuses a caller without a session (401)', async () => {
    for (const path of ['/events', '/events?token=not-a-session']) {
      const stream = await openStream(web.url, path)
      expect(stream.response.statusCode).toBe(401)
      stream.close()
    }
    expect(shop.app.changes.listenerCount).toBe(0)
  })

  it('sends a signed-in desk each committed change as a server-sent event', async () => {
    const stream = await openStream(web.url, `/events?token=${encodeURIComponent(shop.adminToken)}`)
    expect(stream.response.statusCode).toBe(200)
    expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/)

    const response = await fetch(new URL('rpc/customers.create', web.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${shop.adminToken}` },
      body: JSON.stringify({ name: '李四', mobile: '13800138000' })
    })
    const created = ((await response.json()) as { data: { id: string } }).data
    await until(() => stream.text().includes('event: changes'))
    const data = /event: changes\ndata: (.*)\n\n/.exec(stream.text())?.[1] ?? '{}'
    expect(JSON.parse(data)).toEqual({ changes: expect.arrayContaining([{ entity: 'customer', id: created.id }]) })

    stream.close()
    await until(() => shop.app.changes.listenerCount === 0)
  })
})
