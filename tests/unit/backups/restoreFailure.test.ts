import BetterSqlite3 from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import type * as Fs from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DATABASE_FILE_NAME } from '../../../src-main/app/openApp'
import { BACKSTOP_CHECKPOINT_PAGES } from '../../../src-main/db/checkpointWorker'
import { callError, callOk, countRows } from '../helpers'
import { addCustomer, fileShopPerTest } from './fixtures'

/**
 * The data disk, which a test fills up after a number of copies into the data folder: a restore
 * copies the backup in beside the database, and copying anything else there then fails too.
 */
const dataDisk = vi.hoisted(() => ({ copiesBeforeFull: Infinity, failJustAfterTheSwap: false }))

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof Fs>()
  const copyFileSync: typeof real.copyFileSync = (source, destination, mode) => {
    if (String(destination).endsWith('.restoring')) {
      if (dataDisk.copiesBeforeFull <= 0) throw new Error('ENOSPC: no space left on device, copyfile')
      dataDisk.copiesBeforeFull -= 1
    }
    real.copyFileSync(source, destination, mode)
  }
  // The restored copy takes the database's name, then the disk fails (a full or failing disk).
  const renameSync: typeof real.renameSync = (from, to) => {
    real.renameSync(from, to)
    if (dataDisk.failJustAfterTheSwap && String(from).endsWith('.restoring')) throw new Error('EIO: i/o error, rename')
  }
  return { ...real, default: { ...real, copyFileSync, renameSync }, copyFileSync, renameSync }
})

const fileShop = fileShopPerTest()

describe('a restore that fails part way', () => {
  it('fails before anything is replaced: the shop keeps working on its own data, without a restart', async () => {
    const { app, adminToken, dataDir } = await fileShop()
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    await addCustomer(app, adminToken)
    // Copying the backup in beside the database fails (here: its temporary name is taken by a folder).
    mkdirSync(join(dataDir, `${DATABASE_FILE_NAME}.restoring`))

    const error = await callError(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.restoreFailed' })
    // The same session goes on, on today's data, with its checkpoint worker running again.
    expect((await callOk(app, 'customers.search', { query: '' }, adminToken)).rows).toHaveLength(1)
    await addCustomer(app, adminToken)
    expect(countRows(app, 'customers')).toBe(2)
    expect(app.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_CHECKPOINT_PAGES)
  })

  it('a copy the migrations refuse is refused before the swap: today’s data stays, and nothing is left beside it', async () => {
    const { app, adminToken, backupFolder, dataDir } = await fileShop()
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    // A copy the migrations refuse: one of its steps is not this app's. It is brought up to date before the swap.
    const altered = new BetterSqlite3(join(backupFolder, copy.name))
    altered.prepare(`UPDATE schema_migrations SET checksum = 'not-this-app' WHERE version = 1`).run()
    altered.close()
    await addCustomer(app, adminToken)
    // Room for the backup, and none left after it.
    dataDisk.copiesBeforeFull = 1
    try {
      const error = await callError(app, 'backups.restore', { name: copy.name }, adminToken)
      expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.copyDamaged' })
    } finally {
      dataDisk.copiesBeforeFull = Infinity
    }
    expect((await callOk(app, 'customers.search', { query: '' }, adminToken)).rows).toHaveLength(1)
    await addCustomer(app, adminToken)
    expect(countRows(app, 'customers')).toBe(2)
    // Nothing is left lying beside the database.
    expect(readdirSync(dataDir).filter((entry) => entry.startsWith(`${DATABASE_FILE_NAME}.`))).toEqual([])
    expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(true)
  })

  it('fails after the copy is in place, on a full data disk: the original comes back by a rename, not a copy', async () => {
    const { app, adminToken, dataDir } = await fileShop()
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    await addCustomer(app, adminToken)
    // Room for the backup, and none left after it; the disk fails just after the swap.
    dataDisk.copiesBeforeFull = 1
    dataDisk.failJustAfterTheSwap = true
    try {
      const error = await callError(app, 'backups.restore', { name: copy.name }, adminToken)
      expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.copyDamaged' })
    } finally {
      dataDisk.copiesBeforeFull = Infinity
      dataDisk.failJustAfterTheSwap = false
    }
    // Today's data is back (the copy held no customer), and the same session goes on.
    expect((await callOk(app, 'customers.search', { query: '' }, adminToken)).rows).toHaveLength(1)
    await addCustomer(app, adminToken)
    expect(countRows(app, 'customers')).toBe(2)
    // Nothing is left lying beside the database.
    expect(readdirSync(dataDir).filter((entry) => entry.startsWith(`${DATABASE_FILE_NAME}.`))).toEqual([])
    expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(true)
  })
})
