import { afterEach, describe, expect, it } from 'vitest'
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../../src-main/app/openApp'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** A folder under a fresh temp parent, the way a first run finds its data folder missing. */
function dataFolder(): string {
  const parent = mkdtempSync(join(tmpdir(), 'service-center-modes-'))
  folders.push(parent)
  return join(parent, 'Service Center')
}

const modeOf = (path: string) => statSync(path).mode & 0o777

async function openWriteClose(dataDir: string): Promise<void> {
  const app = openApp({ dataDir })
  // A write, so the WAL and shared-memory files exist while we look.
  app.sqlite.exec('CREATE TABLE IF NOT EXISTS probe (x INTEGER); INSERT INTO probe VALUES (1)')
  const database = join(dataDir, DATABASE_FILE_NAME)
  expect(modeOf(`${database}-wal`)).toBe(0o600)
  expect(modeOf(`${database}-shm`)).toBe(0o600)
  await closeApp(app)
}

describe.skipIf(process.platform === 'win32')('the data folder is private to its owner', () => {
  it('a fresh data folder, its database, WAL and shared memory are readable by the owner only', async () => {
    const dataDir = dataFolder()
    await openWriteClose(dataDir)
    expect(modeOf(dataDir)).toBe(0o700)
    expect(modeOf(join(dataDir, DATABASE_FILE_NAME))).toBe(0o600)
  })

  it('an install from before the rule (folder 755, database 644) is closed at start-up', async () => {
    const dataDir = dataFolder()
    await openWriteClose(dataDir)
    chmodSync(dataDir, 0o755)
    chmodSync(join(dataDir, DATABASE_FILE_NAME), 0o644)

    await openWriteClose(dataDir)
    expect(modeOf(dataDir)).toBe(0o700)
    expect(modeOf(join(dataDir, DATABASE_FILE_NAME))).toBe(0o600)
  })
})
