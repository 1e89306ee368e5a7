import { describe, expect, it } from 'vitest'
import { runDueBackup } from '../../../src-main/features/backups/schedule'
import { copiesToDelete } from '../../../src-shared/domain/backupRetention'
import { ADMIN, callOk, createUserAndSignIn, MINUTE, testClock } from '../helpers'
import { fileShopPerTest } from './fixtures'

const fileShop = fileShopPerTest()
const DAY = 24 * 60 * MINUTE

describe('a copy dated in the future (the PC clock once ran ahead)', () => {
  it('does not stop the daily backup, is not the last good copy, is flagged, and costs no new copy its place', async () => {
    // 13:31 UTC is 21:31 in Shanghai, just after the daily backup time.
    const { app, adminToken, clock } = await fileShop(testClock('2026-03-10T13:31:00.000Z'))
    await callOk(
      app,
      'backups.saveSettings',
      { folder: null, dailyTime: '21:30', keepDaily: 1, keepMonthly: 0 },
      adminToken
    )
    // The clock ran ten days ahead for one night, then was put right.
    clock.advance(10 * DAY)
    const future = await runDueBackup(app)
    expect(future).toBeDefined()
    clock.advance(-10 * DAY)

    const today = await runDueBackup(app)
    expect(today).toBeDefined()
    const manager = await createUserAndSignIn(app, adminToken, 'manager')
    const copies = (await callOk(app, 'backups.list', {}, manager.token)).copies
    // Neither copy is pruned: the future one is kept for someone to look at, today's is the newest real one.
    expect(copies.map((copy) => copy.name).sort()).toEqual([today, future].sort())

    const health = await callOk(app, 'backups.health', {}, manager.token)
    expect(health.lastGoodAt).toBe(clock.now().toISOString())
    expect(health.problems).toEqual(['copyFromFuture'])

    // The next evening's copy is taken as usual, and replaces today's under keepDaily: 1.
    clock.advance(DAY)
    const tomorrow = await runDueBackup(app)
    expect(tomorrow).toBeDefined()
    const signedIn = (await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).token
    const kept = (await callOk(app, 'backups.list', {}, signedIn)).copies.map((copy) => copy.name)
    expect(kept.sort()).toEqual([tomorrow, future].sort())
  })

  it('the retention rule keeps the newest copies up to now, and neither keeps nor deletes a copy from the future', () => {
    const copy = (takenAt: string) => ({ name: takenAt, takenAt })
    const copies = [
      copy('2026-02-27T13:30:00.000Z'),
      copy('2026-03-01T13:30:00.000Z'),
      copy('2026-03-02T13:30:00.000Z'),
      copy('2026-04-20T13:30:00.000Z')
    ]
    const rule = { keepDaily: 1, keepMonthly: 1, timeZone: 'Asia/Shanghai' }
    const deleted = copiesToDelete(copies, rule, new Date('2026-03-02T14:00:00.000Z'))
    // Kept: 03-02 (the newest up to now) and 03-01 (the first of March); April's is not March's rival.
    expect(deleted.map((c) => c.takenAt)).toEqual(['2026-02-27T13:30:00.000Z'])
  })
})
