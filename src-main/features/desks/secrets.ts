import { createHash, randomBytes, randomInt } from 'node:crypto'

/**
 * Credentials and pairing codes are kept only as SHA-256 hashes. A credential is 256 random bits,
 * so a fast hash is enough: there is nothing to guess from its hash.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

export function newDeskCredential(): string {
  return randomBytes(32).toString('base64url')
}

/** Six digits, read out across the shop; one try per code costs a guesser a throttled attempt. */
export function newPairingCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0')
}
