import { z } from 'zod'
import { operation } from '../operation'
import { emptyInput } from '../common'

/** The shop server's LAN listener as an admin sees it in settings. */
export interface NetworkStatus {
  /** The admin's choice; off by default (the shop server then answers on loopback only). */
  lanListening: boolean
  port: number
  /** Whether the listener is actually open now (the setting applies in the running shop server). */
  listeningNow: boolean
  /** The addresses desks can use, `https://<address>:<port>/`; empty while the listener is closed. */
  addresses: string[]
  /** SHA-256 of the shop server's certificate, `AB:CD:...`; null until the certificate is made. */
  certificateFingerprint: string | null
  /** The certificate in PEM, for the admin to save and trust on another PC; null until made. */
  certificatePem: string | null
  /** Where a browser on the LAN downloads the certificate to trust it. */
  certificatePath: string
}

export const DEFAULT_LAN_PORT = 4320

export const networkContract = {
  'network.status': operation<NetworkStatus>()(emptyInput),
  'network.setLanListening': operation<NetworkStatus>()(
    z.object({ on: z.boolean(), port: z.number().int().min(1024).max(65535).optional() }).strict()
  )
}
