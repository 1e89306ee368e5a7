import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/rpc/dispatch'
import { deskIdOf, type CallSource } from '../../../src-main/rpc/callSource'
import { openApp } from '../../../src-main/app/openApp'
import { ADMIN, callOk, closeAfterEachTest, countRows, freshShopPerTest, handlers, SHOP } from '../helpers'
import { intake } from '../workOrders/fixtures'
import { newPart } from '../parts/fixtures'
import type { AppContext } from '../../../src-main/app/context'

const freshShop = freshShopPerTest()
const track = closeAfterEachTest()
const atDesk = (deskId: string): CallSource => ({ transport: 'http', address: '10.0.0.5', deskId })

/** A delivery sent under a request id; another id (or desk) is another delivery, with its own reference. */
function receiveAt(app: AppContext, token: string, partId: string, requestId: string, source?: CallSource) {
  return dispatch(app, handlers, {
    operation: 'parts.receive',
    input: {
      reference: `HQ-${source ? deskIdOf(source) : 'here'}-${requestId}`,
      lines: [{ partId, quantity: 1, unitCostFen: 100 }]
    },
    token,
    requestId,
    ...(source ? { source } : {})
  })
}

/** One unit scrapped by hand under a request id: a write nothing else makes idempotent. */
function scrapAt(app: AppContext, token: string, partId: string, requestId: string) {
  return dispatch(app, handlers, {
    operation: 'parts.adjust',
    input: { partId, kind: 'scrap', quantity: -1, reason: '摔坏报废' },
    token,
    requestId
  })
}

describe('request ids on writes', () => {
  it('a write sent twice with one request id is applied once and answered the same', async () => {
    const { app, adminToken } = await freshShop()
    const part = await newPart(app, adminToken)
    const first = await receiveAt(app, adminToken, part.id, 'req-aaaa-0001')
    const second = await receiveAt(app, adminToken, part.id, 'req-aaaa-0001')
    expect(second).toEqual(first)
    expect((await callOk(app, 'parts.get', { id: part.id }, adminToken)).onHand).toBe(1)
    // A new id is a new write.
    await receiveAt(app, adminToken, part.id, 'req-aaaa-0002')
    expect((await callOk(app, 'parts.get', { id: part.id }, adminToken)).onHand).toBe(2)
  })

  it('two writes sent at once with one id are applied once', async () => {
    const { app, adminToken } = await freshShop()
    const part = await newPart(app, adminToken)
    const [a, b] = await Promise.all([
      receiveAt(app, adminToken, part.id, 'req-same-time'),
      receiveAt(app, adminToken, part.id, 'req-same-time')
    ])
    expect(a).toEqual(b)
    expect((await callOk(app, 'parts.get', { id: part.id }, adminToken)).onHand).toBe(1)
  })

  it('one id used for another operation is refused; reads are never stored; ids are per desk', async () => {
    const { app, adminToken } = await freshShop()
    const part = await newPart(app, adminToken)
    await receiveAt(app, adminToken, part.id, 'req-bbbb-0001')
    const reused = await dispatch(app, handlers, {
      operation: 'parts.create',
      input: { partNumber: 'P-REUSED', name: '电池', barcodes: [], sellingPriceFen: 100, costPriceFen: 50 },
      token: adminToken,
      requestId: 'req-bbbb-0001'
    })
    expect(reused).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.requestIdReused' } })
    const stored = countRows(app, 'request_log')
    await dispatch(app, handlers, {
      operation: 'parts.search',
      input: { query: '' },
      token: adminToken,
      requestId: 'req-read-0001'
    })
    expect(countRows(app, 'request_log')).toBe(stored)
    const { token } = await callSignInAt(app, 'desk-2')
    await receiveAt(app, token, part.id, 'req-bbbb-0001', atDesk('desk-2'))
    expect((await callOk(app, 'parts.get', { id: part.id }, adminToken)).onHand).toBe(2)
  })

  it('a malformed request id is refused before anything is applied', async () => {
    const { app, adminToken } = await freshShop()
    const part = await newPart(app, adminToken)
    expect(await receiveAt(app, adminToken, part.id, 'short')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' }
    })
    expect((await callOk(app, 'parts.get', { id: part.id }, adminToken)).onHand).toBe(0)
  })

  it('an answer that carries a device passcode is kept sealed, and a retry still gets it whole', async () => {
    const { app, adminToken } = await freshShop()
    const passcode = 'pin-8Kq2Wz'
    const create = () =>
      dispatch(app, handlers, {
        operation: 'workOrders.create',
        input: intake({ passcode: { consent: true, value: passcode } }),
        token: adminToken,
        requestId: 'req-passcode-01'
      })
    const first = await create()
    expect(first).toMatchObject({ ok: true, data: { workOrder: { passcode } } })
    // The passcode is sealed in its work order; the kept answer must not hold it in the clear
    // (the file, and every backup copy of it, would).
    expect(keptAnswers(app).join('\n')).not.toContain(passcode)
    expect(await create()).toEqual(first)
    expect(countRows(app, 'work_orders')).toBe(1)
  })

  it('an answer kept in the clear by an older release is still given back to its retry', async () => {
    const { app, adminToken } = await freshShop()
    const part = await newPart(app, adminToken)
    const answer = { id: 'receipt-kept-before', lines: 1 }
    app.sqlite
      .prepare(
        `INSERT INTO request_log (desk_id, request_id, operation, result_json, at) VALUES ('this-pc', ?, 'parts.receive', ?, ?)`
      )
      .run('req-older-0001', JSON.stringify(answer), app.clock().toISOString())
    expect(await receiveAt(app, adminToken, part.id, 'req-older-0001')).toEqual({ ok: true, data: answer })
    expect((await callOk(app, 'parts.get', { id: part.id }, adminToken)).onHand).toBe(0)
  })

  it("first-run's answer, a session token, is never kept", async () => {
    const app = track(openApp({ dataDir: ':memory:' }))
    const result = await dispatch(app, handlers, {
      operation: 'setup.initialize',
      input: { shop: SHOP, admin: ADMIN },
      token: undefined,
      requestId: 'req-first-run-01'
    })
    expect(result.ok).toBe(true)
    const { token } = (result as { data: { token: string } }).data
    expect(keptAnswers(app).join('\n')).not.toContain(token)
  })

  it('a write whose answer was lost after its commit (the server died) is not applied again by its retry', async () => {
    const { app, adminToken } = await freshShop()
    const part = await newPart(app, adminToken)
    await receiveAt(app, adminToken, part.id, 'req-lost-0001')
    await receiveAt(app, adminToken, part.id, 'req-lost-0002')
    const scrapOne = () => scrapAt(app, adminToken, part.id, 'req-lost-0003')
    // The server dies once the scrap is committed, before its answer is kept: the answer's write
    // fails the way a power cut would leave it.
    app.sqlite.exec(`CREATE TRIGGER answer_lost BEFORE INSERT ON request_log WHEN NEW.result_json <> 'null'
      BEGIN SELECT RAISE(ABORT, 'power cut'); END`)
    expect(await scrapOne()).toMatchObject({ ok: false })
    expect((await callOk(app, 'parts.get', { id: part.id }, adminToken)).onHand).toBe(1)
    app.sqlite.exec('DROP TRIGGER answer_lost')
    // The desk resends the same id: it is told the scrap was saved, and nothing is scrapped twice.
    expect(await scrapOne()).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', messageKey: 'errors.requestSavedAnswerLost' }
    })
    expect((await callOk(app, 'parts.get', { id: part.id }, adminToken)).onHand).toBe(1)
  })

  it('a refused write leaves no claim: the same id applies once the cause is put right', async () => {
    const { app, adminToken } = await freshShop()
    const part = await newPart(app, adminToken)
    const issue = () => scrapAt(app, adminToken, part.id, 'req-refused-01')
    expect(await issue()).toMatchObject({ ok: false })
    expect(countRows(app, 'request_log')).toBe(0)
    await receiveAt(app, adminToken, part.id, 'req-refused-00')
    expect(await issue()).toMatchObject({ ok: true })
    expect((await callOk(app, 'parts.get', { id: part.id }, adminToken)).onHand).toBe(0)
    // Each write's answer is kept in one row, over its claim.
    const rows = app.sqlite.prepare('SELECT answered FROM request_log ORDER BY request_id').all()
    expect(rows).toEqual([{ answered: 1 }, { answered: 1 }])
  })

  it('answers are kept a day, then pruned', async () => {
    const { app, adminToken, clock } = await freshShop()
    const part = await newPart(app, adminToken)
    await receiveAt(app, adminToken, part.id, 'req-old-00001')
    clock.advance(25 * 60 * 60_000)
    const { token } = await callSignInAt(app, 'this-pc')
    await receiveAt(app, token, part.id, 'req-new-00001')
    const ids = (app.sqlite.prepare('SELECT request_id FROM request_log').all() as { request_id: string }[]).map(
      (row) => row.request_id
    )
    expect(ids).toEqual(['req-new-00001'])
  })
})

async function callSignInAt(app: AppContext, deskId: string): Promise<{ token: string }> {
  const result = await dispatch(app, handlers, {
    operation: 'auth.signIn',
    input: { username: 'admin', password: 'correct-horse-1' },
    token: undefined,
    source: deskId === 'this-pc' ? { transport: 'ipc' } : atDesk(deskId)
  })
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.data as { token: string }
}

/** Every answer the request log keeps, as stored. */
function keptAnswers(app: AppContext): string[] {
  return (app.sqlite.prepare('SELECT result_json FROM request_log').all() as { result_json: string }[]).map(
    (row) => row.result_json
  )
}
