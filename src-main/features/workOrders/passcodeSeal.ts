import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/**
 * Device passcodes at rest: AES-256-GCM with a fresh 96-bit nonce per value, bound to its work
 * order (additional data), so a sealed value copied onto another job does not open. Stored as
 * `pc1:<key id>:<nonce>:<ciphertext and tag>` (base64url): the version and key id let the key
 * rotate, values sealed under an older key still open and are resealed at the next start-up.
 * The same seal (`sealAtRest`) keeps the answers of the desks' request log (desks/requestLog.ts),
 * which may carry a passcode, unreadable in the file and its backup copies.
 */
const FORMAT = 'pc1'
const NONCE_BYTES = 12
const TAG_BYTES = 16

interface Keyring {
  current: { id: string; key: Buffer }
  byId: Map<string, Buffer>
}

/**
 * The keys are the process's: the app serves one shop per process. Tests that open several
 * shops in one process add each shop's key, and every value names the key that sealed it.
 */
let keyring: Keyring | null = null

export function passcodeKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16)
}

/** Makes `current` the sealing key; `previous` keys (and any installed before) still open old values. */
export function installPasscodeKeys(current: Buffer, previous: Buffer[] = []): void {
  const byId = keyring?.byId ?? new Map<string, Buffer>()
  for (const key of [...previous, current]) byId.set(passcodeKeyId(key), key)
  keyring = { current: { id: passcodeKeyId(current), key: current }, byId }
}

function installed(): Keyring {
  if (!keyring) throw new Error('No passcode key installed: openApp installs it')
  return keyring
}

/** What a device passcode is sealed as: its work order's, so a sealed value copied onto another job does not open. */
const passcodeContext = (workOrderId: string) => `work_orders.passcode:${workOrderId}`

export function sealPasscode(plain: string, workOrderId: string): string {
  return sealAtRest(plain, passcodeContext(workOrderId))
}

/**
 * Seals any text the shop keeps that must not be readable from the database file or a backup
 * copy of it (which never holds the key), under the same keys as device passcodes. `context`
 * says what the value is and whose (additional data): the value opens only under the same one.
 */
export function sealAtRest(plain: string, context: string): string {
  const { current } = installed()
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', current.key, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(context, 'utf8'))
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return [FORMAT, current.id, nonce.toString('base64url'), sealed.toString('base64url')].join(':')
}

export function isSealedPasscode(stored: string): boolean {
  return stored.startsWith(`${FORMAT}:`)
}

/** Whether a stored value is sealed under the current key (nothing for the start-up step to do). */
export function isSealedUnderCurrentKey(stored: string): boolean {
  return stored.startsWith(`${FORMAT}:${installed().current.id}:`)
}

/**
 * The passcode a stored value holds. A value from before sealing (plain text) is returned as it
 * is; one that does not open (unknown key, or altered) gives null rather than failing the job.
 */
export function openPasscode(stored: string, workOrderId: string): string | null {
  if (!isSealedPasscode(stored)) return stored
  return openAtRest(stored, passcodeContext(workOrderId))
}

/** The text `sealAtRest` sealed under `context`; null when it does not open (unknown key, altered, other context). */
export function openAtRest(stored: string, context: string): string | null {
  if (!isSealedPasscode(stored)) return null
  const [, keyId, nonceText, sealedText] = stored.split(':')
  const key = keyId ? installed().byId.get(keyId) : undefined
  if (!key || !nonceText || !sealedText) return null
  try {
    const sealed = Buffer.from(sealedText, 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceText, 'base64url'), {
      authTagLength: TAG_BYTES
    })
    decipher.setAAD(Buffer.from(context, 'utf8'))
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8'
    )
  } catch {
    return null
  }
}
