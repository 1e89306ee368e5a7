import { networkInterfaces } from 'node:os'
import type { AppContext } from '../../app/context'
import type { HandlerTable } from '../../rpc/handler'
import type { ShopNetworkPort, ShopNetworkState } from '../../features/desks/network/port'
import { readLanListenerSetting, type LanListenerSetting } from '../../features/desks/network/setting'
import { loadOrCreateLanCertificate, type LanCertificate } from './lanCertificate'
import { startLanHost, type LanHost } from './lanHost'
import { restoreShopPasswordCost } from './testPasswordCost'

export interface ShopNetworkOptions {
  /** Where the certificate is kept: the shop's data folder. */
  dataDir: string
  staticDir?: string
  /** Every LAN interface by default; tests pin one loopback address (127.0.0.x). */
  bindAddress?: string
}

/**
 * The shop server's LAN listener, driven by the admin's setting: opened when it is on (making the
 * certificate on first need), closed when it is off. Plugged into the context as its ShopNetworkPort.
 */
export function createShopNetwork(
  app: AppContext,
  handlers: HandlerTable,
  options: ShopNetworkOptions
): ShopNetworkPort {
  const bindAddress = options.bindAddress ?? '0.0.0.0'
  let certificate: LanCertificate | null = null
  let host: LanHost | null = null
  let openPort: number | null = null
  // Settings changes apply one after another, never two listeners at once.
  let applying: Promise<void> = Promise.resolve()

  async function applyNow(setting: LanListenerSetting): Promise<void> {
    if (host && (!setting.on || openPort !== setting.port)) {
      await host.close()
      host = null
      openPort = null
    }
    if (!setting.on || host) return
    // A host serving other PCs hashes passwords at the shop's cost, even one started for the tests.
    restoreShopPasswordCost()
    certificate ??= await loadOrCreateLanCertificate(options.dataDir)
    host = await startLanHost(app, handlers, {
      address: bindAddress,
      port: setting.port,
      certificate,
      ...(options.staticDir ? { staticDir: options.staticDir } : {})
    })
    openPort = Number(new URL(host.url).port)
  }

  return {
    state(): ShopNetworkState {
      return {
        listeningNow: host !== null,
        addresses: host && openPort !== null ? lanAddresses(bindAddress).map((a) => `https://${a}:${openPort}/`) : [],
        certificateFingerprint: certificate?.fingerprint ?? null
      }
    },
    certificatePem: () => certificate?.cert ?? null,
    apply(setting) {
      applying = applying.catch(() => undefined).then(() => applyNow(setting))
      return applying
    }
  }
}

/** Reads the stored setting and applies it: the shop server calls this once at start. */
export async function startShopNetwork(app: AppContext, network: ShopNetworkPort): Promise<void> {
  await network.apply(await readLanListenerSetting(app.db))
}

/** Closes the LAN listener (the shop server is stopping). */
export function stopShopNetwork(network: ShopNetworkPort): Promise<void> {
  return network.apply({ on: false, port: 0 })
}

function lanAddresses(bindAddress: string): string[] {
  if (bindAddress !== '0.0.0.0') return [bindAddress]
  return Object.values(networkInterfaces())
    .flat()
    .filter((nic) => nic !== undefined && nic.family === 'IPv4' && !nic.internal)
    .map((nic) => nic!.address)
}
