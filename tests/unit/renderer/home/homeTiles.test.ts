import { describe, expect, it } from 'vitest'
import type { Dashboard } from '../../../../src-shared/contract'
import type { BackupHealth } from '../../../../src-shared/contract/backups'
import type { SyncStatus } from '../../../../src-shared/contract/sync'
import { WORKABLE_STATUSES } from '../../../../src-shared/domain/dashboard'
import { homeSections } from '../../../../src-renderer/features/home/homeTiles'

/** Says the key and its values back, so a test reads which text a tile asked for. */
const t = (key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)

const manager: Dashboard['manager'] = {
  takingsToday: [{ method: 'cash', amountFen: 5_000 }],
  takingsTodayFen: 5_000,
  stuckJobs: 2,
  stuckDays: 7
}
const frontDesk: Dashboard['frontDesk'] = {
  readyForPickUp: 3,
  longestWaits: [],
  promisedToday: 1,
  overdue: 0,
  intakesToday: 4,
  followUpsDue: 5
}

describe('the home tiles a role sees', () => {
  it('lists only the sections of the role, each tile with its count and where it opens', () => {
    const sections = homeSections(
      { dashboard: { today: '2026-12-05', frontDesk }, approvals: null, backups: null, sync: null },
      t
    )
    expect(sections.map((section) => section.test)).toEqual(['tiles-front-desk'])
    const tiles = sections[0]!.tiles
    expect(tiles.map((tile) => [tile.test, tile.count])).toEqual([
      ['tile-ready', 3],
      ['tile-promised-today', 1],
      ['tile-overdue', 0],
      ['tile-intakes', 4],
      ['tile-follow-ups', 5]
    ])
    expect(tiles[0]!.target).toEqual({ list: { statuses: ['ready_for_pickup'] } })
    // Each tile opens the list on the very queue it counts, not on a wider one.
    expect(tiles[1]!.target).toEqual({ list: { promisedToday: true } })
    expect(tiles[2]!.target).toEqual({ list: { overdue: true } })
    expect(tiles[3]!.target).toEqual({ list: { today: true } })
    expect(tiles[4]!.target).toEqual({ path: '/follow-ups' })
  })

  it('gives the manager the takings by method, and the approvals, backup and sync tiles only when read', () => {
    const bare = homeSections(
      { dashboard: { today: '2026-12-05', manager }, approvals: null, backups: null, sync: null },
      t
    )
    expect(bare[0]!.tiles.map((tile) => tile.test)).toEqual(['tile-takings', 'tile-stuck'])
    // Money shows as yuan with its sign, as everywhere else.
    expect(bare[0]!.tiles[0]!.count).toBe('¥50.00')
    expect(bare[0]!.tiles[0]!.lines).toEqual(['checkout.method.cash ¥50.00'])
    expect(bare[0]!.tiles[1]!.hint).toBe('dashboard.stuckHint {"days":7}')
    expect(bare[0]!.tiles[1]!.target).toEqual({ list: { stuck: true } })

    const backups = { problems: ['lastCopyFailed', 'lowSpace'] } as unknown as BackupHealth
    const sync = { enrolled: false, changesWaiting: 0, problem: null } as unknown as SyncStatus
    const full = homeSections({ dashboard: { today: '2026-12-05', manager }, approvals: 4, backups, sync }, t)[0]!.tiles
    expect(full.map((tile) => tile.test)).toEqual([
      'tile-takings',
      'tile-approvals',
      'tile-stuck',
      'tile-backups',
      'tile-sync'
    ])
    expect(full[4]).toMatchObject({ count: '—', tone: undefined, hint: 'dashboard.syncNotEnrolled' })
  })

  it('says what is wrong with the backups, not how many things are, and shows all is well as a check', () => {
    const backupTileOf = (problems: string[]) =>
      homeSections(
        {
          dashboard: { today: '2026-12-05', manager },
          approvals: null,
          backups: { problems } as unknown as BackupHealth,
          sync: null
        },
        t
      )[0]!.tiles.find((tile) => tile.test === 'tile-backups')!
    expect(backupTileOf([])).toMatchObject({ count: '✓', tone: 'good', hint: 'dashboard.backupsHealthy' })
    // A new shop is told it has no backup yet, not that it has "1" of something.
    const never = backupTileOf(['neverBackedUp'])
    expect(never).toMatchObject({ count: '!', tone: 'late', hint: 'dashboard.backupProblem.neverBackedUp' })
    expect(never.lines).toBeUndefined()
    // Each further problem on a line of its own.
    expect(backupTileOf(['lastCopyFailed', 'lowSpace'])).toMatchObject({
      count: '!',
      tone: 'late',
      hint: 'dashboard.backupProblem.lastCopyFailed',
      lines: ['dashboard.backupProblem.lowSpace']
    })
    // A copy dated in the future alone is a warning: the daily copies go on.
    expect(backupTileOf(['copyFromFuture'])).toMatchObject({
      tone: 'waiting',
      hint: 'dashboard.backupProblem.copyFromFuture'
    })
    // With a missing folder it is no longer alone: late, and the folder told first.
    expect(backupTileOf(['copyFromFuture', 'folderMissing'])).toMatchObject({
      tone: 'late',
      hint: 'dashboard.backupProblem.folderMissing',
      lines: ['dashboard.backupProblem.copyFromFuture']
    })
  })

  it('shows the sync as late when the last success is old with no problem recorded, with its time, and names a stuck batch and held changes', () => {
    const enrolled = {
      enrolled: true,
      changesWaiting: 3,
      problem: null,
      stuck: null,
      late: false,
      lastSuccessAt: '2026-12-03T01:00:00.000Z'
    } as unknown as SyncStatus
    const syncTileOf = (sync: SyncStatus) =>
      homeSections(
        { dashboard: { today: '2026-12-05', manager }, approvals: null, backups: null, sync },
        t,
        (iso) => `at ${iso}`
      )[0]!.tiles.find((tile) => tile.test === 'tile-sync')!
    expect(syncTileOf(enrolled)).toMatchObject({ tone: 'good', hint: 'dashboard.syncWaiting {"count":3}' })
    expect(syncTileOf({ ...enrolled, late: true })).toMatchObject({
      count: 3,
      tone: 'late',
      hint: 'dashboard.syncLate {"when":"at 2026-12-03T01:00:00.000Z"}'
    })
    const stuck = { ...enrolled, problem: 'hqRefused', stuck: { batchId: 'ob1-x' } } as unknown as SyncStatus
    expect(syncTileOf(stuck)).toMatchObject({ tone: 'late', hint: 'dashboard.syncStuck' })
    const held = { ...enrolled, heldCount: 2 } as unknown as SyncStatus
    expect(syncTileOf(held)).toMatchObject({ count: 3, tone: 'late', hint: 'dashboard.syncHeld {"count":2}' })
  })

  it('shows rows HQ sent that the shop set aside as late, counted in the hint or, beside other news, on a line of their own', () => {
    const enrolled = {
      enrolled: true,
      changesWaiting: 0,
      problem: null,
      stuck: null,
      late: false,
      heldCount: 0,
      refusedRowCount: 0
    } as unknown as SyncStatus
    const syncTileOf = (sync: SyncStatus) =>
      homeSections(
        { dashboard: { today: '2026-12-05', manager }, approvals: null, backups: null, sync },
        t
      )[0]!.tiles.find((tile) => tile.test === 'tile-sync')!
    // Nothing set aside: all is well, and no line says otherwise.
    expect(syncTileOf(enrolled).tone).toBe('good')
    expect(syncTileOf(enrolled).lines).toBeUndefined()
    const refused = syncTileOf({ ...enrolled, refusedRowCount: 2 })
    expect(refused).toMatchObject({ count: 0, tone: 'late', hint: 'dashboard.syncRefusedRows {"count":2}' })
    expect(refused.lines).toBeUndefined()
    // The tile opens the sync page, where the rows are listed with why.
    expect(refused.target).toEqual({ path: '/sync' })
    // Held changes keep the hint; the rows set aside are still counted beneath it, as under a late sync.
    expect(syncTileOf({ ...enrolled, refusedRowCount: 1, heldCount: 3 })).toMatchObject({
      hint: 'dashboard.syncHeld {"count":3}',
      lines: ['dashboard.syncRefusedRows {"count":1}']
    })
    expect(syncTileOf({ ...enrolled, refusedRowCount: 1, problem: 'unreachable' } as SyncStatus)).toMatchObject({
      hint: 'dashboard.syncProblem',
      lines: ['dashboard.syncRefusedRows {"count":1}']
    })
    expect(syncTileOf({ ...enrolled, refusedRowCount: 1, late: true })).toMatchObject({
      tone: 'late',
      lines: ['dashboard.syncRefusedRows {"count":1}']
    })
  })

  it("opens the technician's comebacks on their own comebacks, not on their whole bench", () => {
    const technician = { myQueue: 3, waitingForParts: 1, myComebacks: 1 }
    const tiles = homeSections(
      { dashboard: { today: '2026-12-05', technician }, approvals: null, backups: null, sync: null },
      t
    )[0]!.tiles
    expect(tiles.map((tile) => [tile.test, tile.target])).toEqual([
      ['tile-my-queue', { list: { statuses: WORKABLE_STATUSES, mine: true } }],
      ['tile-waiting-parts', { list: { statuses: ['awaiting_parts'], mine: true } }],
      ['tile-comebacks', { list: { comebacks: true, mine: true } }]
    ])
  })
})
