import { describe, expect, it } from 'vitest'
import { handleDeskIpcCall } from '../../../src-main/host/electron/deskIpcBridge'
import { ADMIN, callOk } from '../helpers'
import { pairDesk, shopServerPerFile } from './fixtures'

const shop = shopServerPerFile()
const PREFIX = 'app://service-center/'
const APP_WINDOW = { frameUrl: `${PREFIX}index.html`, fromAppWindow: true }

describe("a desk's IPC host forwards to the shop server", () => {
  it("passes the call, its token and the form's request id through, and checks the sender first", async () => {
    const server = shop()
    const desk = await pairDesk(server)
    const signIn = await handleDeskIpcCall(desk.client, PREFIX, APP_WINDOW, {
      operation: 'auth.signIn',
      input: { username: ADMIN.username, password: ADMIN.password }
    })
    expect(signIn.ok).toBe(true)
    const token = signIn.ok ? (signIn.data as { token: string }).token : ''
    const part = await callOk(
      server.app,
      'parts.create',
      { partNumber: 'P-IPC-1', name: '电池', barcodes: [], sellingPriceFen: 100, costPriceFen: 50 },
      server.adminToken
    )
    const save = {
      operation: 'parts.receive',
      input: { reference: 'IPC-1', lines: [{ partId: part.id, quantity: 2, unitCostFen: 50 }] },
      token,
      requestId: 'form-save-000001'
    }
    const first = await handleDeskIpcCall(desk.client, PREFIX, APP_WINDOW, save)
    const again = await handleDeskIpcCall(desk.client, PREFIX, APP_WINDOW, save)
    expect(first.ok).toBe(true)
    expect(again).toEqual(first)
    expect((await callOk(server.app, 'parts.get', { id: part.id }, server.adminToken)).onHand).toBe(2)

    const foreign = await handleDeskIpcCall(
      desk.client,
      PREFIX,
      { frameUrl: 'https://evil.example/', fromAppWindow: true },
      save
    )
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await callOk(server.app, 'parts.get', { id: part.id }, server.adminToken)).onHand).toBe(2)
  })
})
