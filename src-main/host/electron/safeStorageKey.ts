import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { safeStorage } from 'electron'
import { decodeKey, fileKeyProvider, PASSCODE_KEY_BYTES, type PasscodeKeyProvider } from '../../app/passcodeKey'

const SEALED_KEY_FILE = 'passcode.key.sealed'

/**
 * The desktop app's passcode key, sealed by the operating system (Electron's safeStorage: DPAPI
 * on Windows, the Keychain on macOS, the Secret Service on Linux) in a file of the data folder.
 * Where the system offers no such store (or only Chromium's fixed-key "basic_text" fallback on a
 * Linux desktop without a keyring), the owner-only key file of browser mode is used instead.
 */
export function safeStorageKeyProvider(dataDir: string): PasscodeKeyProvider {
  const file = join(dataDir, SEALED_KEY_FILE)
  return {
    loadKeys() {
      if (!osProtectsSecrets()) return fileKeyProvider(dataDir).loadKeys()
      if (!existsSync(file)) {
        const sealed = safeStorage.encryptString(randomBytes(PASSCODE_KEY_BYTES).toString('base64'))
        writeFileSync(file, sealed, { mode: 0o600, flag: 'wx' })
      }
      return { current: decodeKey(safeStorage.decryptString(readFileSync(file))), previous: [] }
    }
  }
}

function osProtectsSecrets(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
}
