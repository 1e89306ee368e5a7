import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runDueBackup } from '../../../src-main/features/backups/schedule'
import { copiesToDelete } from '../../../src-shared/domain/backupRetention'
import { ADMIN, callOk, createUserAndSignIn, MINUTE, testClock } from '../helpers'
import { fileShopPerTest } from './fixtures'

const fileShop = fileShopPerTest()
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Days pass in these tests, longer than a sign-in lasts. */
async function signIn(app: Parameters<typeof callOk>[0], username = ADMIN.username, password = ADMIN.password) {
  return (await callOk(app, 'auth.signIn', { username, password })).token
}

describe('the daily backup', () => {
  it('runs once a day after the set time on the shop’s clock, and catches up when the server starts after the time', async () => {
    // 02:00 UTC is 10:00 in Shanghai.
    const { app, adminToken, clock } = await fileShop(testClock('2026-03-10T02:00:00.000Z'))
    await callOk(
      app,
      'backups.saveSettings',
      { folder: null, dailyTime: '21:30', keepDaily: 30, keepMonthly: 12 },
      adminToken
    )
    expect(await runDueBackup(app)).toBeUndefined()
    clock.advance(11 * HOUR + 29 * MINUTE) // 21:29
    expect(await runDueBackup(app)).toBeUndefined()
    clock.advance(MINUTE) // 21:30
    expect(await runDueBackup(app)).toBeDefined()
    clock.advance(MINUTE)
    expect(await runDueBackup(app)).toBeUndefined()
    // The next morning, before the time: nothing. Off for two days, started at 23:00: one copy.
    clock.advance(12 * HOUR)
    expect(await runDueBackup(app)).toBeUndefined()
    clock.advance(2 * DAY + 13 * HOUR)
    expect(await runDueBackup(app)).toBeDefined()
    expect(await runDueBackup(app)).toBeUndefined()
    const copies = (await callOk(app, 'backups.list', {}, await signIn(app))).copies
    expect(copies.map((c) => c.reason)).toEqual(['daily', 'daily'])
  })
})

describe('keeping the last N daily and M monthly copies', () => {
  const copy = (takenAt: string) => ({ name: takenAt, takenAt })

  it('keeps the newest N copies and the first copy of each of the newest M months', () => {
    const copies = [
      copy('2026-01-05T13:30:00.000Z'),
      copy('2026-01-20T13:30:00.000Z'),
      copy('2026-02-01T13:30:00.000Z'),
      copy('2026-02-02T13:30:00.000Z'),
      copy('2026-03-01T13:30:00.000Z'),
      copy('2026-03-02T13:30:00.000Z'),
      copy('2026-03-03T13:30:00.000Z')
    ]
    const deleted = copiesToDelete(
      copies,
      { keepDaily: 2, keepMonthly: 2, timeZone: 'Asia/Shanghai' },
      new Date('2026-03-04T00:00:00.000Z')
    )
    // Kept: 03-03 and 03-02 (newest two), 03-01 and 02-01 (first of March and February).
    expect(deleted.map((c) => c.takenAt).sort()).toEqual([
      '2026-01-05T13:30:00.000Z',
      '2026-01-20T13:30:00.000Z',
      '2026-02-02T13:30:00.000Z'
    ])
  })

  it('months are the shop’s: a copy at 17:00 UTC on the last day of a month is the next month in Shanghai', () => {
    const copies = [copy('2026-01-31T17:00:00.000Z'), copy('2026-02-10T02:00:00.000Z')]
    const deleted = copiesToDelete(
      copies,
      { keepDaily: 0, keepMonthly: 1, timeZone: 'Asia/Shanghai' },
      new Date('2026-02-11T00:00:00.000Z')
    )
    expect(deleted.map((c) => c.takenAt)).toEqual(['2026-02-10T02:00:00.000Z'])
  })

  it('each backup applies the rule to the folder', async () => {
    const { app, adminToken, clock } = await fileShop(testClock('2026-01-30T02:00:00.000Z'))
    await callOk(
      app,
      'backups.saveSettings',
      { folder: null, dailyTime: '21:30', keepDaily: 2, keepMonthly: 1 },
      adminToken
    )
    const taken: string[] = []
    for (let i = 0; i < 5; i++) {
      taken.push((await callOk(app, 'backups.takeNow', {}, await signIn(app))).name)
      clock.advance(DAY)
    }
    // 01-30, 01-31 | 02-01, 02-02, 02-03: the newest two, and February's first.
    const kept = (await callOk(app, 'backups.list', {}, await signIn(app))).copies.map((c) => c.name)
    expect(kept).toEqual([taken[4], taken[3], taken[2]])
  })
})

describe('backup health on the manager’s home screen', () => {
  it('asks for the first copy when there is none, warns when the last is older than two days, and when a chosen folder is missing', async () => {
    const { app, adminToken, clock, dataDir } = await fileShop()
    const manager = await createUserAndSignIn(app, adminToken, 'manager')
    // A new shop has no old copy: it is told to make its first, not that its backup is two days old.
    const first = await callOk(app, 'backups.health', {}, manager.token)
    expect(first).toMatchObject({ lastGoodAt: null })
    expect(first.problems).toContain('neverBackedUp')
    expect(first.problems).not.toContain('stale')

    const copy = await callOk(app, 'backups.takeNow', {}, manager.token)
    const fresh = await callOk(app, 'backups.health', {}, manager.token)
    expect(fresh).toMatchObject({ lastGoodAt: copy.takenAt })
    expect(fresh.problems).not.toContain('stale')
    expect(fresh.problems).not.toContain('neverBackedUp')
    expect(fresh.freeBytes).toBeGreaterThan(0)

    clock.advance(2 * DAY + MINUTE)
    const managerToken = await signIn(app, manager.user.username, manager.password)
    const old = (await callOk(app, 'backups.health', {}, managerToken)).problems
    expect(old).toContain('stale')
    expect(old).not.toContain('neverBackedUp')

    const stick = join(dataDir, 'usb-stick')
    const settings = { folder: stick, dailyTime: '21:30', keepDaily: 7, keepMonthly: 12 }
    await callOk(app, 'backups.saveSettings', settings, await signIn(app))
    // The chosen folder holds no copy yet: the first one there is asked for.
    expect((await callOk(app, 'backups.health', {}, managerToken)).problems).toEqual(['neverBackedUp', 'folderMissing'])
    mkdirSync(stick)
    await callOk(app, 'backups.takeNow', {}, managerToken)
    expect((await callOk(app, 'backups.health', {}, managerToken)).problems).toEqual([])
  })
})
