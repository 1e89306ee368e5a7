import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PRIVATE_FILE_MODE } from '../../app/privateFiles'

/** A desk's pairing with its shop server, kept in this PC's data folder. */
export interface DeskConfig {
  /** `https://192.168.1.10:4320/` */
  url: string
  /** The certificate pinned at pairing. */
  fingerprint: string
  /** The desk credential (as secret as the database this folder would otherwise hold: owner-only). */
  credential: string
  deskId: string
}

export const DESK_CONFIG_FILE = 'desk.json'

/** The pairing, if this PC is a desk; a file that cannot be read as one is no pairing. */
export function readDeskConfig(dataDir: string): DeskConfig | null {
  const file = join(dataDir, DESK_CONFIG_FILE)
  if (!existsSync(file)) return null
  try {
    const config = JSON.parse(readFileSync(file, 'utf8')) as Partial<DeskConfig>
    const { url, fingerprint, credential, deskId } = config
    if (typeof url !== 'string' || typeof fingerprint !== 'string') return null
    if (typeof credential !== 'string' || typeof deskId !== 'string') return null
    return { url, fingerprint, credential, deskId }
  } catch {
    return null
  }
}

/**
 * Written beside and renamed into place, so a crash mid-write leaves the old pairing or the new
 * one, never half a file (which would read as "not a desk" and open this PC's own data).
 */
export function saveDeskConfig(dataDir: string, config: DeskConfig): void {
  const file = join(dataDir, DESK_CONFIG_FILE)
  const partial = `${file}.partial`
  writeFileSync(partial, JSON.stringify(config, null, 2), { mode: PRIVATE_FILE_MODE })
  // The mode option only applies to a new file; a partial left by a crash keeps its own.
  chmodSync(partial, PRIVATE_FILE_MODE)
  renameSync(partial, file)
}

export function forgetDeskConfig(dataDir: string): void {
  rmSync(join(dataDir, DESK_CONFIG_FILE), { force: true })
}
