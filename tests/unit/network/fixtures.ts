import { afterAll, beforeAll } from 'vitest'
import { createServer, type AddressInfo } from 'node:net'
import type { AppContext } from '../../../src-main/app/context'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import { createShopNetwork } from '../../../src-main/host/web/shopNetwork'
import { pairWithShopServer, ShopServerClient } from '../../../src-main/host/desk/shopServerClient'
import type { ShopNetworkPort } from '../../../src-main/features/desks/network/port'
import type { Input, OperationName, Output, RpcResult } from '../../../src-shared/contract'
import { ADMIN, callOk, handlers, SHOP, tempDir, testClock, type TestClock } from '../helpers'

/** The LAN host listens on this loopback address; desks call from 127.0.0.2, .3, ... */
export const SERVER_ADDRESS = '127.0.0.10'

export interface ShopServer {
  app: AppContext
  adminToken: string
  clock: TestClock
  network: ShopNetworkPort
  url: string
  dataDir: string
}

/** A port nobody listens on right now, on the given address. */
export async function freePort(address: string): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, address, () => resolve()))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/**
 * One shop server for a whole file: a real SQLite file in a temp folder, set up, its LAN listener
 * turned on by the admin through the contract (certificate made on first need).
 */
export function shopServerPerFile(clock: TestClock = testClock(new Date().toISOString())): () => ShopServer {
  let server: ShopServer | undefined
  const folder = tempDir()
  beforeAll(async () => {
    const app = openApp({ dataDir: folder.path, clock: clock.now })
    const { token: adminToken } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
    const settings = await callOk(app, 'settings.get', {}, adminToken)
    await callOk(app, 'settings.update', { ...settings, idleLockMinutes: 0 }, adminToken)
    const network = createShopNetwork(app, handlers, { dataDir: folder.path, bindAddress: SERVER_ADDRESS })
    app.shopNetwork = network
    const port = await freePort(SERVER_ADDRESS)
    const status = await callOk(app, 'network.setLanListening', { on: true, port }, adminToken)
    server = { app, adminToken, clock, network, url: status.addresses[0]!, dataDir: folder.path }
  })
  afterAll(async () => {
    if (server) {
      await server.network.apply({ on: false, port: 0 })
      await closeApp(server.app)
    }
    folder.remove()
  })
  return () => {
    if (!server) throw new Error('the shop server is not up yet')
    return server
  }
}

let deskCounter = 1

/** A desk's typed calls through its own client. */
export interface Desk {
  id: string
  client: ShopServerClient
  address: string
  /** What the desk keeps from pairing, for a test that builds its own client. */
  pairing: { fingerprint: string; credential: string }
  call(operation: string, input: unknown, token?: string, requestId?: string): Promise<RpcResult<unknown>>
  ok<K extends OperationName>(operation: K, input: Input<K>, token?: string): Promise<Output<K>>
}

/** Pairs a new desk (its own loopback address) with a code the admin asks for, as a desk would. */
export async function pairDesk(server: ShopServer, name?: string, options: { url?: string } = {}): Promise<Desk> {
  deskCounter += 1
  const address = `127.0.0.${deskCounter}`
  const { code } = await callOk(server.app, 'desks.pairingCode', {}, server.adminToken)
  const paired = await pairWithShopServer(server.url, name ? { code, deskName: name } : { code }, address)
  if (!paired.ok) throw new Error(`pairing failed: ${JSON.stringify(paired.error)}`)
  return deskWith(
    options.url ?? server.url,
    paired.fingerprint,
    paired.pairing.credential,
    paired.pairing.deskId,
    address
  )
}

export function deskWith(url: string, fingerprint: string, credential: string, id: string, address: string): Desk {
  const client = new ShopServerClient({ url, fingerprint, credential, localAddress: address, retryDelaysMs: [50, 100] })
  openClients.push(client)
  const call = (operation: string, input: unknown, token?: string, requestId?: string) =>
    client.call({ operation, input, token, requestId })
  return {
    id,
    client,
    address,
    pairing: { fingerprint, credential },
    call,
    ok: async (operation, input, token) => {
      const result = await call(operation, input, token)
      if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`)
      return result.data as never
    }
  }
}

const openClients: ShopServerClient[] = []
afterAll(() => {
  for (const client of openClients.splice(0)) client.close()
})

/** Waits until `condition` holds (a change arriving on a stream), polling every 10 ms. */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
