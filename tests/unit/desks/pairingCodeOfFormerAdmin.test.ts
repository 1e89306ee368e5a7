import { describe, expect, it, vi } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { dispatch } from '../../../src-main/rpc/dispatch'
import type { RpcResult } from '../../../src-shared/contract'
import { anotherDesk, callOk, createUserAndSignIn, freshShopPerTest, handlers } from '../helpers'

// A few scrypt hashes per test: slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const freshShop = freshShopPerTest()

function pairWith(app: AppContext, code: string): Promise<RpcResult<unknown>> {
  return dispatch(app, handlers, {
    operation: 'desks.pair',
    input: { code, deskName: '库房' },
    token: undefined,
    source: anotherDesk()
  })
}

describe('a pairing code is only as good as the admin who gave it', () => {
  it('a code given by an admin deactivated since pairs no desk', async () => {
    const { app, adminToken } = await freshShop()
    const leaving = await createUserAndSignIn(app, adminToken, 'admin')
    const { code } = await callOk(app, 'desks.pairingCode', {}, leaving.token)
    await callOk(app, 'users.setDisabled', { id: leaving.user.id, disabled: true }, adminToken)

    expect(await pairWith(app, code)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', messageKey: 'errors.pairingCodeWrong' }
    })
    expect(await callOk(app, 'desks.list', {}, adminToken)).toEqual([])
  })

  it('a code given by an admin who is no longer an admin pairs no desk; one from an admin still in office does', async () => {
    const { app, adminToken } = await freshShop()
    const demoted = await createUserAndSignIn(app, adminToken, 'admin')
    const { code } = await callOk(app, 'desks.pairingCode', {}, demoted.token)
    await callOk(
      app,
      'users.update',
      { id: demoted.user.id, displayName: demoted.user.displayName, role: 'manager' },
      adminToken
    )

    expect(await pairWith(app, code)).toMatchObject({ ok: false, error: { messageKey: 'errors.pairingCodeWrong' } })
    const fresh = await callOk(app, 'desks.pairingCode', {}, adminToken)
    expect((await pairWith(app, fresh.code)).ok).toBe(true)
  })
})
