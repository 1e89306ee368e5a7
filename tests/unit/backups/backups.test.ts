import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { callError, callOk, createUserAndSignIn, countRows } from '../helpers'
import { addCustomer, fileShopPerTest, openCopy } from './fixtures'

const fileShop = fileShopPerTest()
const modeOf = (path: string) => statSync(path).mode & 0o777

describe('taking a backup', () => {
  it('a backup taken during a stream of writes opens, passes the integrity check and holds every write acknowledged before it', async () => {
    const { app, adminToken, backupFolder } = await fileShop()
    for (let i = 0; i < 50; i++) await addCustomer(app, adminToken)

    const acknowledged: string[] = []
    let writing = true
    const writer = (async () => {
      // Each desk's call arrives as its own event, as over HTTP or IPC.
      while (writing) {
        acknowledged.push(await addCustomer(app, adminToken))
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const acknowledgedBefore = [...acknowledged]
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    writing = false
    await writer

    const db = openCopy(join(backupFolder, copy.name))
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const ids = new Set((db.prepare('SELECT id FROM customers').all() as { id: string }[]).map((row) => row.id))
      expect(acknowledgedBefore.length).toBeGreaterThan(0)
      expect(acknowledgedBefore.filter((id) => !ids.has(id))).toEqual([])
      expect(copy.counts.customers).toBe(ids.size)
    } finally {
      db.close()
    }
    // The stream went on while the copy was taken.
    expect(acknowledged.length).toBeGreaterThan(acknowledgedBefore.length)
  })

  it('a copy is one ordinary file, and the shop connection checkpoints by itself again after it', async () => {
    const { app, adminToken, backupFolder } = await fileShop()
    await addCustomer(app, adminToken)
    const checkpointEvery = app.sqlite.pragma('wal_autocheckpoint', { simple: true })
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    // Bytes 18 and 19 of the header are 1 for a rollback-journal file, 2 for WAL.
    const header = readFileSync(join(backupFolder, copy.name)).subarray(18, 20)
    expect([...header]).toEqual([1, 1])
    expect(readdirSync(backupFolder).sort()).toEqual([copy.name, `${copy.name}.json`])
    expect(app.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(checkpointEvery)
    expect(checkpointEvery).toBeGreaterThan(0)
  })

  it('copies, their manifests and the default folder are readable by the owner only', async () => {
    const { app, adminToken, backupFolder } = await fileShop()
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    expect(modeOf(backupFolder)).toBe(0o700)
    expect(modeOf(join(backupFolder, copy.name))).toBe(0o600)
    expect(modeOf(join(backupFolder, `${copy.name}.json`))).toBe(0o600)
  })

  it('a manager takes one now and sees it listed with its date, size and counts; the take is audited', async () => {
    const { app, adminToken, clock } = await fileShop()
    const manager = await createUserAndSignIn(app, adminToken, 'manager')
    await addCustomer(app, adminToken)
    const copy = await callOk(app, 'backups.takeNow', {}, manager.token)
    const list = await callOk(app, 'backups.list', {}, manager.token)
    expect(list.copies).toEqual([copy])
    expect(copy).toMatchObject({
      takenAt: clock.now().toISOString(),
      reason: 'manual',
      counts: { jobs: 0, customers: 1, payments: 0 }
    })
    expect(copy.sizeBytes).toBeGreaterThan(0)
    expect(countRows(app, `audit_log WHERE action = 'backups.takeNow'`)).toBe(1)
  })

  it('only managers and admins see backups, and only an admin restores or chooses the folder', async () => {
    const { app, adminToken } = await fileShop()
    const manager = await createUserAndSignIn(app, adminToken, 'manager')
    const desk = await createUserAndSignIn(app, adminToken, 'front_desk')
    const copy = await callOk(app, 'backups.takeNow', {}, manager.token)
    expect((await callError(app, 'backups.list', {}, desk.token)).code).toBe('FORBIDDEN')
    expect((await callError(app, 'backups.restore', { name: copy.name }, manager.token)).code).toBe('FORBIDDEN')
    expect(
      (
        await callError(
          app,
          'backups.saveSettings',
          { folder: null, dailyTime: '21:00', keepDaily: 3, keepMonthly: 1 },
          manager.token
        )
      ).code
    ).toBe('FORBIDDEN')
  })

  it('a chosen folder that is not there is refused, and a relative one is not accepted', async () => {
    const { app, adminToken, dataDir } = await fileShop()
    const settings = { dailyTime: '21:00', keepDaily: 3, keepMonthly: 1 }
    const relative = await callError(app, 'backups.saveSettings', { ...settings, folder: 'usb/backups' }, adminToken)
    expect(relative.messageKey).toBe('backups.folderNotAbsolute')
    await callOk(app, 'backups.saveSettings', { ...settings, folder: join(dataDir, 'no-such-stick') }, adminToken)
    const error = await callError(app, 'backups.takeNow', {}, adminToken)
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'backups.folderMissing' })
  })
})
