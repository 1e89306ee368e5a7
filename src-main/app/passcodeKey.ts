import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where the shop's passcode key comes from. The desktop app keeps it sealed by the operating
 * system (host/electron/safeStorageKey.ts); browser mode and the shop server keep it in a file
 * only the owner can read; a throwaway in-memory shop gets one for its lifetime.
 */
export interface PasscodeKeyProvider {
  /** The 32-byte key, created the first time. Older keys may follow it, for values sealed before a rotation. */
  loadKeys(): { current: Buffer; previous: Buffer[] }
}

export const PASSCODE_KEY_BYTES = 32
export const PASSCODE_KEY_FILE = 'passcode.key'
const PRIVATE_FILE_MODE = 0o600

/** A key kept as base64 in a file of the data folder, readable by its owner only. */
export function fileKeyProvider(dataDir: string, fileName = PASSCODE_KEY_FILE): PasscodeKeyProvider {
  const file = join(dataDir, fileName)
  return {
    loadKeys() {
      if (!existsSync(file)) {
        // `wx`: never overwrite a key another start wrote meanwhile; losing it loses every passcode.
        writeFileSync(file, randomBytes(PASSCODE_KEY_BYTES).toString('base64'), { mode: PRIVATE_FILE_MODE, flag: 'wx' })
      }
      if (process.platform !== 'win32') chmodSync(file, PRIVATE_FILE_MODE)
      return { current: decodeKey(readFileSync(file, 'utf8')), previous: [] }
    }
  }
}

export function ephemeralKeyProvider(): PasscodeKeyProvider {
  const key = randomBytes(PASSCODE_KEY_BYTES)
  return { loadKeys: () => ({ current: key, previous: [] }) }
}

export function decodeKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64')
  if (key.length !== PASSCODE_KEY_BYTES) throw new Error('The passcode key is damaged: it is not 32 bytes')
  return key
}
