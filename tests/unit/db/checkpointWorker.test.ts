import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../../src-main/app/openApp'
import type { AppContext } from '../../../src-main/app/context'
import { BACKSTOP_CHECKPOINT_PAGES } from '../../../src-main/db/checkpointWorker'

const PAGE = 4096
const PAGES_PER_COMMIT = 20
const COMMITS = 100
const PAUSE_MS = 30
/** Far fewer than the commits: a loaded machine may let the worker catch up only now and then. */
const MIN_RESTARTS = 5

describe("the shop database's checkpoints run in a worker, off the calls' connection", () => {
  let folder: string
  let app: AppContext
  /** The WAL header's checkpoint sequence: SQLite counts up each time the WAL starts again. */
  const walRestarts = () => {
    const header = Buffer.alloc(32)
    const file = openSync(join(folder, `${DATABASE_FILE_NAME}-wal`), 'r')
    readSync(file, header, 0, 32, 0)
    closeSync(file)
    return header.readUInt32BE(12)
  }

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'checkpoint-worker-'))
    app = openApp({ dataDir: folder })
  })
  afterEach(async () => {
    if (app.sqlite.open) await closeApp(app)
    rmSync(folder, { recursive: true, force: true })
  })

  it("folds the WAL back between commits at a shop's pace, so it starts again from its beginning", async () => {
    // The connection itself would checkpoint only at its backstop, far beyond what is written here.
    expect(app.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_CHECKPOINT_PAGES)
    expect(COMMITS * PAGES_PER_COMMIT).toBeLessThan(BACKSTOP_CHECKPOINT_PAGES)
    app.sqlite.exec('CREATE TABLE filler (text TEXT NOT NULL)')
    const insert = app.sqlite.prepare('INSERT INTO filler (text) VALUES (?)')
    const commit = app.sqlite.transaction(() => {
      for (let i = 0; i < PAGES_PER_COMMIT; i++) insert.run('x'.repeat(PAGE))
    })
    commit()
    const restartsBefore = walRestarts()
    for (let i = 0; i < COMMITS; i++) {
      commit()
      // A desk's next call comes a moment later.
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
    }
    // Unfolded, the WAL would hold every page written (about 8 MiB) and never start again; folded
    // between commits, it starts again from its beginning time after time.
    expect(walRestarts() - restartsBefore).toBeGreaterThanOrEqual(MIN_RESTARTS)
  })

  it('stops with the app: the WAL is folded and removed, and the worker no longer holds the file', async () => {
    app.sqlite.exec('CREATE TABLE filler (text TEXT NOT NULL)')
    app.sqlite.prepare('INSERT INTO filler (text) VALUES (?)').run('kept')
    await closeApp(app)
    expect(existsSync(join(folder, `${DATABASE_FILE_NAME}-wal`))).toBe(false)
    app = openApp({ dataDir: folder })
    expect(app.sqlite.prepare('SELECT text FROM filler').pluck().all()).toEqual(['kept'])
  })
})
