import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/**
 * The shop key HQ gave at enrolment, at rest: AES-256-GCM under a key derived (HKDF) from the
 * shop's passcode key, the one the OS or an owner-only file keeps (app/passcodeKey.ts). A copy
 * of the database alone does not hand HQ access to whoever holds it. Stored as
 * `sk1:<nonce>:<ciphertext and tag>` (base64url).
 */
const FORMAT = 'sk1'
const NONCE_BYTES = 12
const TAG_BYTES = 16
const ADDITIONAL_DATA = Buffer.from('hq_connection.sealed_key', 'utf8')

let sealingKeys: Buffer[] = []

function derive(passcodeKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', passcodeKey, Buffer.alloc(0), 'service-center hq shop key', 32))
}

/**
 * Installed by openApp with the passcode keys: the current one seals, every key installed opens
 * (tests open several shops in one process, each with its own key).
 */
export function installShopKeySeal(current: Buffer, previous: Buffer[] = []): void {
  const fresh = [current, ...previous].map(derive)
  sealingKeys = [...fresh, ...sealingKeys.filter((key) => !fresh.some((other) => other.equals(key)))]
}

export function sealShopKey(plain: string): string {
  const key = sealingKeys[0]
  if (!key) throw new Error('No sealing key installed: openApp installs it')
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(ADDITIONAL_DATA)
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return [FORMAT, nonce.toString('base64url'), sealed.toString('base64url')].join(':')
}

/** The key, or null when it does not open (the passcode key was lost or replaced). */
export function openShopKey(stored: string): string | null {
  const [format, nonceText, sealedText] = stored.split(':')
  if (format !== FORMAT || !nonceText || !sealedText) return null
  const sealed = Buffer.from(sealedText, 'base64url')
  for (const key of sealingKeys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceText, 'base64url'), {
        authTagLength: TAG_BYTES
      })
      decipher.setAAD(ADDITIONAL_DATA)
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString(
        'utf8'
      )
    } catch {
      // the next key, if any
    }
  }
  return null
}
