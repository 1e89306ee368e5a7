import type { LanListenerSetting } from './setting'

/** What the running shop server's LAN listener reports, beside the admin's stored choice. */
export interface ShopNetworkState {
  listeningNow: boolean
  /** `https://<address>:<port>/` for each LAN address the listener answers on. */
  addresses: string[]
  certificateFingerprint: string | null
}

/**
 * The LAN listener as the desks feature sees it: the host process (host/web/shopNetwork.ts)
 * opens and closes it; the feature only stores the admin's choice and asks for it to apply.
 */
export interface ShopNetworkPort {
  state(): ShopNetworkState
  /** The certificate in PEM, for download; null until it is made. */
  certificatePem(): string | null
  /** Opens, moves or closes the listener to match the setting (also makes the certificate on first need). */
  apply(setting: LanListenerSetting): Promise<void>
}
