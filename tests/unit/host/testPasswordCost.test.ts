import { afterAll, describe, expect, it, vi } from 'vitest'
import { openApp } from '../../../src-main/app/openApp'
import { hashPassword, PASSWORD_COST, TEST_PASSWORD_COST } from '../../../src-main/features/auth/password'
import { createShopNetwork } from '../../../src-main/host/web/shopNetwork'
import {
  lowerPasswordCostIfTestHost,
  restoreShopPasswordCost,
  TEST_PASSWORD_COST_FLAG
} from '../../../src-main/host/web/testPasswordCost'
import { closeApp, handlers, tempDir } from '../helpers'
import { freePort, SERVER_ADDRESS } from '../network/fixtures'
import { useShopPasswordCost } from '../setup'

// Two hashes at the shop's cost and a LAN certificate made on first need: slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

/** The scrypt parameters a new hash is stored with. */
async function costOfNewHash(): Promise<{ N: number; r: number; p: number }> {
  const [, N, r, p] = (await hashPassword('counter-pass-1')).split('$').map(Number)
  return { N: N!, r: r!, p: p! }
}

describe("the web host's test password cost", () => {
  // Starts from the shop's cost, as a host process does.
  useShopPasswordCost()
  afterAll(() => restoreShopPasswordCost())

  it('is not lowered unless the host is started with the flag', async () => {
    expect(lowerPasswordCostIfTestHost(['node', 'out/main/web.js', '--port', '0'])).toBe(false)
    expect(await costOfNewHash()).toEqual(PASSWORD_COST)
  })

  it('is lowered by the flag, and back to the shop’s cost once the host listens on the LAN', async () => {
    expect(lowerPasswordCostIfTestHost(['node', 'out/main/web.js', TEST_PASSWORD_COST_FLAG])).toBe(true)
    expect(await costOfNewHash()).toEqual(TEST_PASSWORD_COST)

    const folder = tempDir()
    const app = openApp({ dataDir: folder.path })
    const network = createShopNetwork(app, handlers, { dataDir: folder.path, bindAddress: SERVER_ADDRESS })
    try {
      await network.apply({ on: true, port: await freePort(SERVER_ADDRESS) })
      expect(network.state().listeningNow).toBe(true)
      expect(await costOfNewHash()).toEqual(PASSWORD_COST)
    } finally {
      await network.apply({ on: false, port: 0 })
      await closeApp(app)
      folder.remove()
    }
  })
})
