import { describe, expect, it } from 'vitest'
import { callError, callOk, createUserAndSignIn, freshShopPerTest } from '../helpers'

const freshShop = freshShopPerTest()

describe('the LAN listener setting', () => {
  it('is off by default, and only an admin sees or changes it', async () => {
    const { app, adminToken } = await freshShop()
    expect(await callOk(app, 'network.status', {}, adminToken)).toMatchObject({
      lanListening: false,
      listeningNow: false,
      addresses: [],
      certificateFingerprint: null
    })
    const manager = await createUserAndSignIn(app, adminToken, 'manager')
    expect((await callError(app, 'network.setLanListening', { on: true }, manager.token)).code).toBe('FORBIDDEN')
    expect((await callError(app, 'desks.pairingCode', {}, manager.token)).code).toBe('FORBIDDEN')
    const turnedOn = await callOk(app, 'network.setLanListening', { on: true, port: 5443 }, adminToken)
    // No shop server process in this test: the choice is stored, no listener opens.
    expect(turnedOn).toMatchObject({ lanListening: true, port: 5443, listeningNow: false })
  })
})
