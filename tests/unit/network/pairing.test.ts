import { describe, expect, it } from 'vitest'
import { request } from 'node:https'
import { X509Certificate } from 'node:crypto'
import { pairWithShopServer } from '../../../src-main/host/desk/shopServerClient'
import { loadOrCreateLanCertificate } from '../../../src-main/host/web/lanCertificate'
import { startLanHost } from '../../../src-main/host/web/lanHost'
import { ADMIN, auditRows, callError, callOk, handlers, MINUTE, tempDir } from '../helpers'
import { deskWith, freePort, pairDesk, shopServerPerFile, type ShopServer } from './fixtures'

const shop = shopServerPerFile()

/** A raw HTTPS request as a stranger on the LAN would send it (no pinning, no credential unless given). */
function rawRequest(
  server: ShopServer,
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {}
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, server.url),
      {
        method: options.method ?? 'POST',
        rejectUnauthorized: false,
        localAddress: '127.0.0.99',
        headers: { 'Content-Type': 'application/json', ...options.headers }
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
      }
    )
    req.on('error', reject)
    req.end(options.body ?? (options.method === 'GET' ? undefined : '{}'))
  })
}

describe('pairing a desk with the shop server over HTTPS', () => {
  it('the LAN listener is off until an admin turns it on', async () => {
    const { app, adminToken } = shop()
    const fresh = await callOk(app, 'network.status', {}, adminToken)
    // This file's server was turned on in its set-up; the stored choice says so, and the listener is open.
    expect(fresh).toMatchObject({ lanListening: true, listeningNow: true })
    expect(fresh.certificateFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  })

  it('a right code gives the desk a credential of its own, kept only as a hash', async () => {
    const server = shop()
    const desk = await pairDesk(server, '前台2')
    const signedIn = await desk.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    expect(signedIn.user.username).toBe(ADMIN.username)
    const desks = await callOk(server.app, 'desks.list', {}, server.adminToken)
    expect(desks.find((row) => row.id === desk.id)).toMatchObject({ name: '前台2', revokedAt: null })
    expect(desks.find((row) => row.id === desk.id)?.lastSeenAt).not.toBeNull()
    const stored = server.app.sqlite.prepare('SELECT credential_hash FROM desks WHERE id = ?').get(desk.id) as {
      credential_hash: string
    }
    expect(stored.credential_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(server.app.sqlite.prepare('SELECT * FROM desks').all())).not.toContain(
      (desk.client as unknown as { options: { credential: string } }).options.credential
    )
  })

  it('a wrong code is refused, and so is a code used once already', async () => {
    const server = shop()
    const { code } = await callOk(server.app, 'desks.pairingCode', {}, server.adminToken)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const refused = await pairWithShopServer(server.url, { code: wrong }, '127.0.0.50')
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.pairingCodeWrong' } })
    expect((await pairWithShopServer(server.url, { code }, '127.0.0.50')).ok).toBe(true)
    const again = await pairWithShopServer(server.url, { code }, '127.0.0.50')
    expect(again).toMatchObject({ ok: false, error: { messageKey: 'errors.pairingCodeWrong' } })
  })

  it('a code older than ten minutes is refused', async () => {
    const server = shop()
    const { code } = await callOk(server.app, 'desks.pairingCode', {}, server.adminToken)
    server.clock.advance(10 * MINUTE + 1000)
    const late = await pairWithShopServer(server.url, { code }, '127.0.0.51')
    expect(late).toMatchObject({ ok: false, error: { messageKey: 'errors.pairingCodeWrong' } })
  })

  it('guessing codes from one source is throttled', async () => {
    const server = shop()
    const results = []
    for (let i = 0; i < 8; i += 1) results.push(await pairWithShopServer(server.url, { code: '000000' }, '127.0.0.52'))
    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'PAIRING_THROTTLED' } })
  })

  it("a revoked desk's next call is refused with DESK_REVOKED, even with a live session", async () => {
    const server = shop()
    const desk = await pairDesk(server, '仓库')
    const { token } = await desk.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    expect((await desk.call('parts.search', { query: '' }, token)).ok).toBe(true)
    await callOk(server.app, 'desks.revoke', { deskId: desk.id }, server.adminToken)
    expect(await desk.call('parts.search', { query: '' }, token)).toMatchObject({
      ok: false,
      error: { code: 'DESK_REVOKED' }
    })
    expect(await desk.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      ok: false,
      error: { code: 'DESK_REVOKED' }
    })
  })

  it('an admin renames a desk, and the audit log names the desk of every action', async () => {
    const server = shop()
    const desk = await pairDesk(server)
    const renamed = await callOk(server.app, 'desks.rename', { deskId: desk.id, name: '收银台' }, server.adminToken)
    expect(renamed.name).toBe('收银台')
    await desk.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    const rows = server.app.sqlite
      .prepare(`SELECT action, desk_id FROM audit_log WHERE action IN ('auth.signIn', 'desks.rename') ORDER BY at, id`)
      .all() as { action: string; desk_id: string | null }[]
    expect(rows.at(-1)).toEqual({ action: 'auth.signIn', desk_id: desk.id })
    expect(rows.filter((row) => row.action === 'desks.rename').at(-1)).toEqual({
      action: 'desks.rename',
      desk_id: 'this-pc'
    })
    expect(auditRows(server.app, 'desks.pair').length).toBeGreaterThan(0)
  })

  it('a session belongs to the desk it was opened at', async () => {
    const server = shop()
    const front = await pairDesk(server)
    const back = await pairDesk(server)
    const { token } = await front.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    expect(await back.call('parts.search', { query: '' }, token)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', messageKey: 'errors.sessionOfAnotherDesk' }
    })
    // Nor is it any use at the shop server's own window.
    expect((await callError(server.app, 'parts.search', { query: '' }, token)).code).toBe('UNAUTHENTICATED')
    expect((await front.call('parts.search', { query: '' }, token)).ok).toBe(true)
  })

  it('an unpaired client gets nothing but pairing and the certificate', async () => {
    const server = shop()
    for (const operation of ['setup.status', 'auth.signIn', 'parts.search']) {
      const answer = await rawRequest(server, `/rpc/${operation}`, {
        body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password })
      })
      expect(answer.status, operation).toBe(401)
      expect(JSON.parse(answer.body), operation).toMatchObject({ ok: false, error: { code: 'DESK_NOT_PAIRED' } })
    }
    const forged = await rawRequest(server, '/rpc/setup.status', { headers: { 'X-Desk-Credential': 'made-up' } })
    expect(JSON.parse(forged.body)).toMatchObject({ ok: false, error: { code: 'DESK_NOT_PAIRED' } })
    const pairing = await rawRequest(server, '/rpc/desks.pair', { body: JSON.stringify({ code: '12345' }) })
    expect(JSON.parse(pairing.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const certificate = await rawRequest(server, '/shop-server.crt', { method: 'GET' })
    expect(certificate.status).toBe(200)
    const status = await callOk(server.app, 'network.status', {}, server.adminToken)
    expect(new X509Certificate(certificate.body).fingerprint256).toBe(status.certificateFingerprint)
  })

  it('a desk refuses a shop server whose certificate changed, before sending anything', async () => {
    const server = shop()
    const desk = await pairDesk(server)
    const credential = (desk.client as unknown as { options: { credential: string } }).options.credential
    // The same shop (same database, same credential) behind a certificate made anew.
    const elsewhere = tempDir()
    const impostor = await startLanHost(server.app, handlers, {
      address: '127.0.0.11',
      port: await freePort('127.0.0.11'),
      certificate: await loadOrCreateLanCertificate(elsewhere.path)
    })
    try {
      const pinned = (desk.client as unknown as { options: { fingerprint: string } }).options.fingerprint
      const moved = deskWith(impostor.url, pinned, credential, desk.id, desk.address)
      const auditBefore = auditRows(server.app).length
      expect(await moved.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
        ok: false,
        error: { code: 'SHOP_SERVER_CERTIFICATE_CHANGED', details: { pinned } }
      })
      expect(auditRows(server.app).length).toBe(auditBefore)
      // The same desk still works with the server it paired with.
      expect((await desk.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true)
    } finally {
      await impostor.close()
      elsewhere.remove()
    }
  })
})
