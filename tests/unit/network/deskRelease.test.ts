import { describe, expect, it } from 'vitest'
import { request } from 'node:https'
import { ADMIN, callOk, countRows } from '../helpers'
import { APP_RELEASE } from '../../../src-main/app/release'
import { pairWithShopServer, ShopServerClient } from '../../../src-main/host/desk/shopServerClient'
import { pairDesk, shopServerPerFile, type Desk } from './fixtures'

const shop = shopServerPerFile()
const OLDER_RELEASE = '0.0.9 (schema 41, operations 000000)'

/** The same paired desk, running an app of another release. */
function notUpdated(desk: Desk): ShopServerClient {
  const { fingerprint, credential } = desk.pairing
  return new ShopServerClient({
    url: shop().url,
    fingerprint,
    credential,
    localAddress: desk.address,
    retryDelaysMs: [],
    release: OLDER_RELEASE
  })
}

describe('a desk of another release than the shop server', () => {
  it('is refused every call, writes included, and told both releases; the same desk updated works as before', async () => {
    const desk = await pairDesk(shop())
    const { token } = await desk.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    const before = countRows(shop().app, 'parts')
    const old = notUpdated(desk)
    const create = (client: ShopServerClient, partNumber: string) =>
      client.call({
        operation: 'parts.create',
        input: { partNumber, name: '屏幕总成', barcodes: [], sellingPriceFen: 30000, costPriceFen: 18000 },
        token
      })
    const refused = await create(old, 'P-OLD-DESK')
    old.close()
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'DESK_RELEASE_MISMATCH',
        messageKey: 'errors.DESK_RELEASE_MISMATCH',
        details: { deskRelease: OLDER_RELEASE, serverRelease: APP_RELEASE }
      }
    })
    expect(countRows(shop().app, 'parts')).toBe(before)
    // The pairing is kept: the desk, once updated, carries on.
    expect(await create(desk.client, 'P-NEW-DESK')).toMatchObject({ ok: true })
    expect(countRows(shop().app, 'parts')).toBe(before + 1)
  })

  it('cannot pair, and the pairing code stays good for the desk once it is updated', async () => {
    const { code } = await callOk(shop().app, 'desks.pairingCode', {}, shop().adminToken)
    const refused = await pairWithShopServer(shop().url, { code }, '127.0.0.70', OLDER_RELEASE)
    expect(refused).toMatchObject({ ok: false, error: { code: 'DESK_RELEASE_MISMATCH' } })
    expect(await pairWithShopServer(shop().url, { code }, '127.0.0.70')).toMatchObject({ ok: true })
  })

  it('a paired desk whose app names no release (older than this check) is refused; a stranger is still not paired', async () => {
    const desk = await pairDesk(shop())
    const post = (credential: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const asked = request(new URL('rpc/setup.status', shop().url), {
          method: 'POST',
          rejectUnauthorized: false,
          headers: { 'Content-Type': 'application/json', 'X-Desk-Credential': credential }
        })
        asked.on('response', (answer) => {
          let body = ''
          answer.on('data', (chunk: Buffer) => (body += chunk.toString()))
          answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }))
        })
        asked.on('error', reject)
        asked.end('{}')
      })
    const unnamed = await post(desk.pairing.credential)
    expect(unnamed.status).toBe(409)
    expect(JSON.parse(unnamed.body)).toMatchObject({
      ok: false,
      error: { code: 'DESK_RELEASE_MISMATCH', details: { deskRelease: '-', serverRelease: APP_RELEASE } }
    })
    expect(JSON.parse((await post('made-up')).body)).toMatchObject({ error: { code: 'DESK_NOT_PAIRED' } })
  })

  it('every answer of the shop server names its release, so a desk can tell what to install', async () => {
    const release = await new Promise<string | undefined>((resolve, reject) => {
      const asked = request(new URL('rpc/setup.status', shop().url), { method: 'POST', rejectUnauthorized: false })
      asked.on('response', (answer) => {
        answer.resume()
        resolve(answer.headers['x-shop-server-release'] as string | undefined)
      })
      asked.on('error', reject)
      asked.end()
    })
    expect(release).toBe(APP_RELEASE)
  })
})
