import { z } from 'zod'
import { operation } from './operation'
import { emptyInput, text } from './common'

/** A desk of the shop network: another PC (or a browser on the LAN) paired with the shop server. */
export interface DeskSummary {
  id: string
  name: string
  pairedAt: string
  /** The last call the desk made; null until it made one after pairing. */
  lastSeenAt: string | null
  /** Set once an admin revoked the desk; its calls are refused from then on. */
  revokedAt: string | null
}

/** What a desk receives when it pairs: its own credential, shown once and kept hashed by the server. */
export interface DeskPairing {
  deskId: string
  deskName: string
  /** Sent with every call as the `X-Desk-Credential` header. */
  credential: string
  /** The SHA-256 fingerprint of the shop server's certificate, for the desk to pin. */
  certificateFingerprint: string | null
}

/** A fresh pairing code, shown to an admin; valid once, for ten minutes. */
export interface PairingCode {
  code: string
  expiresAt: string
}

/** Six digits: read out across the shop and typed at the desk. */
export const pairingCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'validation.invalid' })
export const deskNameSchema = text(40)

export const desksContract = {
  // Public: the one operation an unpaired desk may call over the LAN.
  'desks.pair': operation<DeskPairing>()(
    z.object({ code: pairingCodeSchema, deskName: deskNameSchema.optional() }).strict()
  ),
  'desks.list': operation<DeskSummary[]>()(emptyInput),
  'desks.pairingCode': operation<PairingCode>()(emptyInput),
  'desks.rename': operation<DeskSummary>()(
    z.object({ deskId: z.string().min(1).max(64), name: deskNameSchema }).strict()
  ),
  'desks.revoke': operation<DeskSummary>()(z.object({ deskId: z.string().min(1).max(64) }).strict())
}
