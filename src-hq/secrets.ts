import { createHash, randomBytes, randomInt } from 'node:crypto'

/** sha256 of a long random secret (a shop key, an enrolment code, a session token). */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** A bearer secret: 32 random bytes, URL-safe. */
export function newBearerSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

/** Letters and digits no one misreads when typing a code from paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A one-time enrolment code, typed by a person: 12 characters in groups of four (about 59 bits). */
export function newEnrolCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!)
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((group) => group.join('')).join('-')
}

/** How a typed code is compared: case and separators do not matter. */
export function normaliseEnrolCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '')
}
