import { describe, expect, it, vi } from 'vitest'
import type * as SnapshotWorker from '../../../src-main/features/backups/snapshotWorker'
import { runDueBackup } from '../../../src-main/features/backups/schedule'
import { callOk, createUserAndSignIn, MINUTE, testClock } from '../helpers'
import { fileShopPerTest } from './fixtures'

/** The disk under the backup folder, which the test makes fail the way a dying one does. */
const disk = vi.hoisted(() => ({ failing: false, copiesTried: 0 }))

vi.mock('../../../src-main/features/backups/snapshotWorker', async (importOriginal) => {
  const real = await importOriginal<typeof SnapshotWorker>()
  return {
    ...real,
    snapshotInWorker: (...args: Parameters<typeof real.snapshotInWorker>) => {
      disk.copiesTried += 1
      if (disk.failing) return Promise.reject(new Error('EIO: i/o error, write'))
      return real.snapshotInWorker(...args)
    }
  }
})

const fileShop = fileShopPerTest()

describe('a daily backup that fails', () => {
  it('is on the manager’s home screen at once, is tried again a while later rather than every minute, and a good copy clears it', async () => {
    // 13:29 UTC is 21:29 in Shanghai, a minute before the daily backup.
    const { app, adminToken, clock } = await fileShop(testClock('2026-03-10T13:29:00.000Z'))
    const manager = await createUserAndSignIn(app, adminToken, 'manager')
    await callOk(app, 'backups.takeNow', {}, manager.token)
    let token = manager.token
    const health = () => callOk(app, 'backups.health', {}, token)
    expect((await health()).problems).toEqual([])

    disk.failing = true
    clock.advance(MINUTE)
    await expect(runDueBackup(app)).rejects.toThrow('EIO')
    // The last good copy is only a day old, so "stale" would not say anything for two more days.
    expect((await health()).problems).toEqual(['lastCopyFailed'])

    // The scheduler looks every minute; a failing copy is not retried at that pace, each try a whole copy.
    const tried = disk.copiesTried
    for (let minute = 0; minute < 10; minute++) {
      clock.advance(MINUTE)
      expect(await runDueBackup(app)).toBeUndefined()
    }
    expect(disk.copiesTried).toBe(tried)

    disk.failing = false
    clock.advance(30 * MINUTE)
    expect(await runDueBackup(app)).toBeDefined()
    // Long enough for the idle lock: the manager signs in again to look.
    token = (await callOk(app, 'auth.signIn', { username: manager.user.username, password: manager.password })).token
    expect((await health()).problems).toEqual([])
  })
})
