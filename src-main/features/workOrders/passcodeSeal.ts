import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/**
 * Device passcodes at rest: AES-256-GCM with a fresh 96-bit nonce per value, bound to its work
 * order (additional data), so a sealed value copied onto another job does not open. Stored as
 * `pc1:<key id>:<nonce>:<ciphertext and tag>` (base64url): the version and key id let the key
 * rotate, values sealed under an older key still open and are resealed at the next start-up.
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

const additionalData = (workOrderId: string) => Buffer.from(`work_orders.passcode:${workOrderId}`, 'utf8')

export function sealPasscode(plain: string, workOrderId: string): string {
  const { current } = installed()
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', current.key, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(additionalData(workOrderId))
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
  const [, keyId, nonceText, sealedText] = stored.split(':')
  const key = keyId ? installed().byId.get(keyId) : undefined
  if (!key || !nonceText || !sealedText) return null
  try {
    const sealed = Buffer.from(sealedText, 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceText, 'base64url'), {
      authTagLength: TAG_BYTES
    })
    decipher.setAAD(additionalData(workOrderId))
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8'
    )
  } catch {
    return null
  }
}
