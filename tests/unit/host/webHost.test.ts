import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isLoopbackHostHeader, startWebHost, type WebHost } from '../../../src-main/host/web/server'
import { OPERATION_NAMES, type RpcResult } from '../../../src-shared/contract'
import { permissions } from '../../../src-shared/contract/permissions'
import { closeApp, handlers, initializedApp, type InitializedApp } from '../helpers'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: RpcResult<unknown>
}

/** A raw HTTP request, so the test controls headers fetch() would not let it set (Host). */
function rawRequest(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string }
): Promise<Answer> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, method: options.method ?? 'POST', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8'))
          })
        )
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('the HTTP host', () => {
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

  async function post(
    operation: string,
    input: unknown,
    token?: string
  ): Promise<{ status: number; body: RpcResult<unknown> }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (token !== undefined) headers.Authorization = `Bearer ${token}`
    const response = await fetch(new URL(`rpc/${operation}`, web.url), {
      method: 'POST',
      headers,
      body: JSON.stringify(input)
    })
    return { status: response.status, body: (await response.json()) as RpcResult<unknown> }
  }

  it('listens on 127.0.0.1 only', () => {
    const address = web.server.address() as AddressInfo
    expect(address.address).toBe('127.0.0.1')
    expect(address.port).toBeGreaterThan(0)
    expect(new URL(web.url).hostname).toBe('127.0.0.1')
  })

  it('refuses every operation except first-run, sign-in and pairing without a session token (401)', async () => {
    const open = new Set(['setup.status', 'setup.initialize', 'auth.signIn', 'desks.pair'])
    for (const operation of OPERATION_NAMES) {
      if (open.has(operation)) continue
      const { status, body } = await post(operation, {})
      expect({ operation, status, body }).toEqual({
        operation,
        status: 401,
        body: { ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'errors.UNAUTHENTICATED' } }
      })
    }
    expect(OPERATION_NAMES.filter((name) => !open.has(name)).every((name) => permissions[name] !== 'public')).toBe(true)
  })

  it('refuses a made-up token and a malformed Authorization header the same way', async () => {
    for (const operation of OPERATION_NAMES) {
      if (permissions[operation] === 'public') continue
      const forged = await post(operation, {}, 'not-a-real-token')
      expect({ operation, status: forged.status }).toEqual({ operation, status: 401 })
    }
    const response = await fetch(new URL('rpc/auth.session', web.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: shop.adminToken },
      body: '{}'
    })
    expect(response.status).toBe(401)
  })

  it('answers the public operations without a token', async () => {
    const status = await post('setup.status', {})
    expect(status).toMatchObject({ status: 200, body: { ok: true, data: { initialized: true } } })
    const again = await post('setup.initialize', {
      shop: { name: 'x', timeZone: 'Asia/Shanghai' },
      admin: { username: 'other', displayName: 'Other', password: 'long-enough-1' }
    })
    expect(again).toMatchObject({ status: 409, body: { ok: false, error: { code: 'ALREADY_INITIALIZED' } } })
    const wrong = await post('auth.signIn', { username: 'admin', password: 'not-the-password' })
    expect(wrong).toMatchObject({ status: 401, body: { ok: false, error: { code: 'INVALID_CREDENTIALS' } } })
  })

  it('serves a signed-in caller through the same dispatcher', async () => {
    const session = await post('auth.session', {}, shop.adminToken)
    expect(session).toMatchObject({
      status: 200,
      body: { ok: true, data: { user: { id: shop.adminId, role: 'admin' }, locked: false } }
    })
    const invalid = await post('users.create', { username: 'x' }, shop.adminToken)
    expect(invalid).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION' } } })
  })

  it('refuses requests whose Host header is not a loopback name (421), against DNS rebinding', async () => {
    const { port } = new URL(web.url)
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost.evil.example:${port}`
    ]) {
      const answer = await rawRequest(web.url, {
        path: '/rpc/setup.status',
        headers: { Host: host, 'Content-Type': 'application/json', Authorization: `Bearer ${shop.adminToken}` },
        body: '{}'
      })
      expect({ host, status: answer.status, code: answer.body.ok ? null : answer.body.error.code }).toEqual({
        host,
        status: 421,
        code: 'FORBIDDEN'
      })
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost']) {
      const answer = await rawRequest(web.url, {
        path: '/rpc/setup.status',
        headers: { Host: host, 'Content-Type': 'application/json' },
        body: '{}'
      })
      expect({ host, status: answer.status }).toEqual({ host, status: 200 })
    }
  })

  it('recognises only loopback host names', () => {
    expect(isLoopbackHostHeader('127.0.0.1:4319')).toBe(true)
    expect(isLoopbackHostHeader('localhost')).toBe(true)
    expect(isLoopbackHostHeader('[::1]:4319')).toBe(true)
    expect(isLoopbackHostHeader(undefined)).toBe(false)
    expect(isLoopbackHostHeader('')).toBe(false)
    expect(isLoopbackHostHeader('192.168.1.20:4319')).toBe(false)
    expect(isLoopbackHostHeader('localhost.attacker.example')).toBe(false)
  })

  it('answers anything but POST on /rpc with 405 and Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await rawRequest(web.url, { method, path: '/rpc/setup.status' })
      expect({ method, status: answer.status, allow: answer.headers.allow }).toEqual({
        method,
        status: 405,
        allow: 'POST'
      })
      expect(answer.body.ok).toBe(false)
    }
  })

  it('refuses a body that is not JSON (400) and an unknown operation (404)', async () => {
    const response = await fetch(new URL('rpc/auth.signIn', web.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"username": '
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', messageKey: 'errors.malformedJson' }
    })

    const unknown = await post('users.drop', {}, shop.adminToken)
    expect(unknown).toMatchObject({ status: 404, body: { ok: false, error: { code: 'UNKNOWN_OPERATION' } } })
  })

  it('answers paths outside /rpc with 404 when no renderer is served', async () => {
    const answer = await rawRequest(web.url, { method: 'GET', path: '/index.html' })
    expect(answer.status).toBe(404)
  })

  it('refuses cross-site requests: a foreign Origin, or a body not declared as JSON (no CORS preflight)', async () => {
    const { port } = new URL(web.url)
    const initialize = JSON.stringify({ username: 'admin', password: 'not-the-password' })
    const foreign = await rawRequest(web.url, {
      path: '/rpc/auth.signIn',
      headers: { Host: `127.0.0.1:${port}`, Origin: 'https://attacker.example', 'Content-Type': 'application/json' },
      body: initialize
    })
    expect({ status: foreign.status, code: foreign.body.ok ? null : foreign.body.error.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN'
    })

    // A "simple" cross-site form post sends text/plain, which a browser does without asking first.
    const simple = await rawRequest(web.url, {
      path: '/rpc/auth.signIn',
      headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'text/plain' },
      body: initialize
    })
    expect(simple.status).toBe(403)

    const sameOrigin = await rawRequest(web.url, {
      path: '/rpc/setup.status',
      headers: { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' },
      body: '{}'
    })
    expect(sameOrigin.status).toBe(200)
  })

  it('treats a malformed escape in the operation name as an unknown operation', async () => {
    const answer = await rawRequest(web.url, {
      path: '/rpc/users.%E0%A4%A',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${shop.adminToken}` },
      body: '{}'
    })
    expect({ status: answer.status, code: answer.body.ok ? null : answer.body.error.code }).toEqual({
      status: 404,
      code: 'UNKNOWN_OPERATION'
    })
  })
})
