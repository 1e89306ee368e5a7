import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DESK_CONFIG_FILE, readDeskConfig, saveDeskConfig } from '../../../src-main/host/desk/deskConfig'

const config = { url: 'https://192.168.1.10:4320/', fingerprint: 'AA:BB', credential: 'dc_secret', deskId: 'desk-1' }

describe("a desk's pairing file", () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-config-'))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('replaces a half-written leftover, readable by its owner only, with nothing left beside it', () => {
    // What a crash in the middle of an earlier save would leave: a partial file anyone may read.
    writeFileSync(join(dir, `${DESK_CONFIG_FILE}.partial`), '{"url": "https://', { mode: 0o644 })
    saveDeskConfig(dir, config)
    expect(readDeskConfig(dir)).toEqual(config)
    expect(readdirSync(dir)).toEqual([DESK_CONFIG_FILE])
    if (process.platform !== 'win32') expect(statSync(join(dir, DESK_CONFIG_FILE)).mode & 0o077).toBe(0)
    expect(existsSync(join(dir, `${DESK_CONFIG_FILE}.partial`))).toBe(false)
  })
})
