import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/rpc/dispatch'
import type { CallSource } from '../../../src-main/rpc/callSource'
import { callOk, countRows, freshShopPerTest, handlers } from '../helpers'
import { newPart } from '../parts/fixtures'
import type { AppContext } from '../../../src-main/app/context'

const freshShop = freshShopPerTest()
const atDesk = (deskId: string): CallSource => ({ transport: 'http', address: '10.0.0.5', deskId })

function receiveAt(app: AppContext, token: string, partId: string, requestId: string, source?: CallSource) {
  return dispatch(app, handlers, {
    operation: 'parts.receive',
    input: { reference: 'HQ-1', lines: [{ partId, quantity: 1, unitCostFen: 100 }] },
    token,
    requestId,
    ...(source ? { source } : {})
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
