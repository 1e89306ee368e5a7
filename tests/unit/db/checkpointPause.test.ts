import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pauseAutomaticCheckpoints } from '../../../src-main/db/checkpointPause'

describe('pausing automatic checkpoints (a backup and an import may overlap)', () => {
  let folder: string
  let sqlite: Database.Database
  const setting = () => sqlite.pragma('wal_autocheckpoint', { simple: true })

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'checkpoint-pause-'))
    sqlite = new Database(join(folder, 'shop.db'))
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('wal_autocheckpoint = 1000')
  })
  afterEach(() => {
    sqlite.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('keeps checkpoints off until the last holder lets go, then puts the own setting back', () => {
    const backup = pauseAutomaticCheckpoints(sqlite)
    const importer = pauseAutomaticCheckpoints(sqlite)
    expect(setting()).toBe(0)
    backup()
    expect(setting()).toBe(0)
    importer()
    expect(setting()).toBe(1000)
  })

  it('restores the setting when the holders let go in the other order, and counts a second release once', () => {
    const importer = pauseAutomaticCheckpoints(sqlite)
    const backup = pauseAutomaticCheckpoints(sqlite)
    importer()
    importer()
    expect(setting()).toBe(0)
    backup()
    expect(setting()).toBe(1000)
    const again = pauseAutomaticCheckpoints(sqlite)
    expect(setting()).toBe(0)
    again()
    expect(setting()).toBe(1000)
  })
})
