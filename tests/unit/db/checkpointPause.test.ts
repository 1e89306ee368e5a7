import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pauseAutomaticCheckpoints, setAutomaticCheckpointPages } from '../../../src-main/db/checkpointPause'

describe('pausing automatic checkpoints (backups may overlap; the checkpoint worker sets its backstop)', () => {
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
    const scheduled = pauseAutomaticCheckpoints(sqlite)
    const safetyCopy = pauseAutomaticCheckpoints(sqlite)
    expect(setting()).toBe(0)
    scheduled()
    expect(setting()).toBe(0)
    safetyCopy()
    expect(setting()).toBe(1000)
  })

  it('restores the setting when the holders let go in the other order, and counts a second release once', () => {
    const safetyCopy = pauseAutomaticCheckpoints(sqlite)
    const scheduled = pauseAutomaticCheckpoints(sqlite)
    safetyCopy()
    safetyCopy()
    expect(setting()).toBe(0)
    scheduled()
    expect(setting()).toBe(1000)
    const again = pauseAutomaticCheckpoints(sqlite)
    expect(setting()).toBe(0)
    again()
    expect(setting()).toBe(1000)
  })

  it('a backstop set or put back during a pause takes effect when the pause ends, in either order', () => {
    const paused = pauseAutomaticCheckpoints(sqlite)
    const putBack = setAutomaticCheckpointPages(sqlite, 4000)
    expect(setting()).toBe(0)
    paused()
    expect(setting()).toBe(4000)
    const pausedAgain = pauseAutomaticCheckpoints(sqlite)
    putBack()
    expect(setting()).toBe(0)
    pausedAgain()
    expect(setting()).toBe(1000)
  })
})
