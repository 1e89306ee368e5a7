import { request } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { startHq } from '../../../src-hq/app'
import { HQ_MIGRATIONS } from '../../../src-hq/db/migrations'
import { HqMigrationChangedError, migrateHq } from '../../../src-hq/db/migrator'
import { change, useHqCluster } from './hqHelpers'

const cluster = useHqCluster()

interface Answer {
  status: number
  body: { ok: boolean; data?: unknown; error?: { code: string } }
  fingerprint: string
}

/** A POST to HQ as a shop makes it: the certificate is checked against the pinned fingerprint. */
function post(url: string, pinned: string, pathname: string, body: unknown, authorization?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body)
    const req = request(
      `${url}${pathname}`,
      {
        method: 'POST',
        rejectUnauthorized: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(authorization ? { authorization } : {})
        }
      },
      (res) => {
        const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256
        if (fingerprint !== pinned) return reject(new Error('certificate does not match the pinned fingerprint'))
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            fingerprint
          })
        )
      }
    )
    req.on('error', reject)
    req.end(text)
  })
}

describe('HQ over HTTPS', () => {
  it('serves shops over TLS with the fingerprint it shows; enrol, push and pull round trip; a bad key gets 401', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hq-https-'))
    const hq = await startHq({
      databaseUrl: await cluster.freshDatabaseUrl(),
      dataDir,
      port: 0,
      host: '127.0.0.1',
      name: 'Brand HQ',
      timeZone: 'Asia/Shanghai',
      adminPassword: 'admin-password'
    })
    try {
      expect(hq.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
      expect(hq.createdAdminPassword).toBe('admin-password')
      const signIn = await post(hq.url, hq.fingerprint, '/api/staff.signIn', {
        username: 'admin',
        password: 'admin-password'
      })
      const token = (signIn.body.data as { token: string }).token
      const registered = await post(
        hq.url,
        hq.fingerprint,
        '/api/shops.register',
        { name: 'Nanjing Road' },
        `Bearer ${token}`
      )
      const { code } = registered.body.data as { code: string }

      const enrolled = await post(hq.url, hq.fingerprint, '/hq/enrol', {
        code,
        shopName: 'Nanjing Rd',
        appVersion: '0.1.0'
      })
      expect(enrolled.body).toMatchObject({ ok: true, data: { hqName: 'Brand HQ' } })
      const key = (enrolled.body.data as { shopKey: string }).shopKey

      const batch = {
        batchId: 'b1',
        changes: [change('work_order', 'wo-1', { status: 'received' }, '2026-03-10T01:00:00Z')]
      }
      expect((await post(hq.url, hq.fingerprint, '/hq/push', batch, `ShopKey ${key}`)).body).toEqual({
        ok: true,
        data: { batchId: 'b1', applied: 1, duplicate: false }
      })
      expect((await post(hq.url, hq.fingerprint, '/hq/push', batch, `ShopKey ${key}`)).body).toMatchObject({
        data: { duplicate: true }
      })
      const pulled = await post(
        hq.url,
        hq.fingerprint,
        '/hq/pull',
        { table: 'registryUnits', since: 0 },
        `ShopKey ${key}`
      )
      expect(pulled.body).toMatchObject({ ok: true, data: { changes: [], remaining: 0 } })

      const refused = await post(
        hq.url,
        hq.fingerprint,
        '/hq/pull',
        { table: 'registryUnits', since: 0 },
        'ShopKey nope'
      )
      expect(refused.status).toBe(401)
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'HQ_KEY_INVALID' } })
    } finally {
      await hq.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('refuses to start on a database whose released schema step was changed', async () => {
    const url = await cluster.freshDatabaseUrl()
    const pool = new pg.Pool({ connectionString: url })
    try {
      await migrateHq(pool, HQ_MIGRATIONS)
      const edited = HQ_MIGRATIONS.map((step, index) =>
        index === 0 ? { ...step, statements: [...step.statements, 'SELECT 1'] } : step
      )
      await expect(migrateHq(pool, edited)).rejects.toBeInstanceOf(HqMigrationChangedError)
      expect(await migrateHq(pool, HQ_MIGRATIONS)).toEqual([])
    } finally {
      await pool.end()
    }
  })
})
