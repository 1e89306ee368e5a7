import type { Dashboard } from '../../../src-shared/contract'
import type { BackupHealth } from '../../../src-shared/contract/backups'
import type { SyncStatus } from '../../../src-shared/contract/sync'
import { backupStanding } from '../../../src-shared/domain/backupStanding'
import { WORKABLE_STATUSES } from '../../../src-shared/domain/dashboard'
import { formatFen } from '../../../src-shared/domain/money'
import type { WorkOrderStatus } from '../../../src-shared/domain/workOrderStatus'
import type { QueueFilter } from '../repairs/workOrdersStore'

/** What a tile opens: a page, or the work-order list already filtered to what the tile counts. */
export type TileTarget =
  | { path: string }
  | {
      list: { statuses?: readonly WorkOrderStatus[]; overdue?: boolean; today?: boolean; mine?: boolean } & Partial<
        Record<QueueFilter, boolean>
      >
    }

export interface HomeTile {
  test: string
  count: number | string
  label: string
  hint?: string
  tone?: 'late' | 'waiting' | 'good'
  /** Small lines under the label (takings by method, faulty parts by age). */
  lines?: string[]
  target: TileTarget
}

export interface HomeSection {
  key: 'manager' | 'frontDesk' | 'technician' | 'warehouse'
  test: string
  title: string
  tiles: HomeTile[]
}

export interface HomeFacts {
  dashboard: Dashboard
  approvals: number | null
  backups: BackupHealth | null
  sync: SyncStatus | null
}

/** vue-i18n's t: a key, its values and, for a text with singular and plural forms, the count that picks one. */
type Translate = (key: string, values?: Record<string, unknown>, plural?: number) => string
/** A time as the shop reads it (its time zone), or "never" for none. */
type ShopTime = (iso: string | null) => string

/** The home page's sections for the signed-in role, in the order they are shown, one tile list each. */
export function homeSections(facts: HomeFacts, t: Translate, when: ShopTime = (iso) => iso ?? '—'): HomeSection[] {
  const { manager, frontDesk, technician, warehouse } = facts.dashboard
  const sections: HomeSection[] = []
  if (manager) sections.push(section('manager', 'tiles-manager', t('dashboard.manager'), managerTiles(facts, t, when)))
  if (frontDesk) {
    sections.push(
      section('frontDesk', 'tiles-front-desk', t('dashboard.frontDesk'), [
        tile('tile-ready', frontDesk.readyForPickUp, t('dashboard.readyForPickUp'), 'good', {
          list: { statuses: ['ready_for_pickup'] }
        }),
        tile('tile-promised-today', frontDesk.promisedToday, t('dashboard.promisedToday'), 'waiting', {
          list: { promisedToday: true }
        }),
        tile('tile-overdue', frontDesk.overdue, t('dashboard.overdue'), 'late', { list: { overdue: true } }),
        tile('tile-intakes', frontDesk.intakesToday, t('dashboard.intakesToday'), undefined, { list: { today: true } }),
        tile('tile-follow-ups', frontDesk.followUpsDue, t('dashboard.followUpsDue'), undefined, { path: '/follow-ups' })
      ])
    )
  }
  if (technician) {
    sections.push(
      section('technician', 'tiles-technician', t('dashboard.technician'), [
        tile('tile-my-queue', technician.myQueue, t('dashboard.myQueue'), undefined, {
          list: { statuses: WORKABLE_STATUSES, mine: true }
        }),
        tile('tile-waiting-parts', technician.waitingForParts, t('dashboard.waitingForParts'), 'waiting', {
          list: { statuses: ['awaiting_parts'], mine: true }
        }),
        tile('tile-comebacks', technician.myComebacks, t('dashboard.myComebacks'), 'late', {
          list: { comebacks: true, mine: true }
        })
      ])
    )
  }
  if (warehouse) {
    const faulty = tile('tile-faulty', warehouse.faultyOwedTotal, t('dashboard.faultyOwed'), undefined, {
      path: '/parts/faulty'
    })
    faulty.lines = Object.entries(warehouse.faultyOwed).map(
      ([age, value]) => `${t(`dashboard.faultyAge.${age}`)}: ${value}`
    )
    sections.push(
      section('warehouse', 'tiles-warehouse', t('dashboard.warehouse'), [
        tile('tile-part-requests', warehouse.partRequestsWaiting, t('dashboard.partRequestsWaiting'), 'waiting', {
          path: '/parts/issue'
        }),
        tile('tile-low-stock', warehouse.lowStock, t('dashboard.lowStock'), 'late', { path: '/parts/lists' }),
        faulty
      ])
    )
  }
  return sections
}

/** The manager's tiles: takings, approvals, stuck jobs, and the backup and sync health when readable. */
function managerTiles(facts: HomeFacts, t: Translate, when: ShopTime): HomeTile[] {
  const manager = facts.dashboard.manager
  if (!manager) return []
  const total = `¥${formatFen(manager.takingsTodayFen)}`
  const takings = tile('tile-takings', total, t('dashboard.takingsToday'), undefined, { path: '/day-close' })
  takings.lines = manager.takingsToday.length
    ? manager.takingsToday.map((line) => `${t(`checkout.method.${line.method}`)} ¥${formatFen(line.amountFen)}`)
    : [t('dashboard.noTakings')]
  const tiles = [takings]
  if (facts.approvals !== null) {
    tiles.push(tile('tile-approvals', facts.approvals, t('dashboard.approvals'), 'waiting', { path: '/approvals' }))
  }
  const stuck = tile('tile-stuck', manager.stuckJobs, t('dashboard.stuckJobs'), 'late', { list: { stuck: true } })
  stuck.hint = t('dashboard.stuckHint', { days: manager.stuckDays })
  tiles.push(stuck)
  if (facts.backups) tiles.push(backupTile(facts.backups, t))
  if (facts.sync) tiles.push(syncTile(facts.sync, t, when))
  return tiles
}

/**
 * The backups' state in words, not a count: a red "1" told the manager nothing. A check when all
 * is well; otherwise a mark and, under it, what is wrong, each further problem on a line of its
 * own (the card below the tiles says what to do). How the backups stand, and which problem is told
 * first, is the backups' rule (`backupStanding`): the tile only shows it.
 */
function backupTile(health: BackupHealth, t: Translate): HomeTile {
  const { standing, problems } = backupStanding(health.problems)
  const [first, ...more] = problems
  if (first === undefined) {
    const healthy = tile('tile-backups', '✓', t('dashboard.backups'), 'good', { path: '/backups' })
    healthy.hint = t('dashboard.backupsHealthy')
    return healthy
  }
  const wrong = tile('tile-backups', '!', t('dashboard.backups'), standing === 'warning' ? 'waiting' : 'late', {
    path: '/backups'
  })
  wrong.hint = t(`dashboard.backupProblem.${first}`)
  if (more.length > 0) wrong.lines = more.map((problem) => t(`dashboard.backupProblem.${problem}`))
  return wrong
}

/**
 * Changes waiting to reach HQ; a dash while the desk is not enrolled. Late on a recorded problem,
 * a batch HQ refuses, changes HQ refused and the shop holds (with how many wait), rows HQ sent that
 * the shop set aside, or too long since the last successful sync (then with its time). The rows
 * set aside are never hidden behind another hint: they wait on HQ, not on the next sync, so they
 * get a line of their own when the hint tells something else.
 */
function syncTile(sync: SyncStatus, t: Translate, when: ShopTime): HomeTile {
  if (!sync.enrolled) {
    const idle = tile('tile-sync', '—', t('dashboard.sync'), undefined, { path: '/sync' })
    idle.hint = t('dashboard.syncNotEnrolled')
    return idle
  }
  const held = sync.heldCount ?? 0
  const refusedRows = sync.refusedRowCount ?? 0
  const late = sync.problem !== null || sync.stuck !== null || sync.late || held > 0 || refusedRows > 0
  const waiting = tile('tile-sync', sync.changesWaiting, t('dashboard.sync'), late ? 'late' : 'good', {
    path: '/sync'
  })
  if (sync.late) waiting.hint = t('dashboard.syncLate', { when: when(sync.lastSuccessAt) })
  else if (sync.stuck) waiting.hint = t('dashboard.syncStuck')
  else if (held > 0) waiting.hint = t('dashboard.syncHeld', { count: held }, held)
  else if (sync.problem) waiting.hint = t('dashboard.syncProblem')
  const refused = refusedRows > 0 ? t('dashboard.syncRefusedRows', { count: refusedRows }, refusedRows) : null
  if (waiting.hint === undefined) waiting.hint = refused ?? t('dashboard.syncWaiting', { count: sync.changesWaiting })
  else if (refused) waiting.lines = [refused]
  return waiting
}

function section(key: HomeSection['key'], test: string, title: string, tiles: HomeTile[]): HomeSection {
  return { key, test, title, tiles }
}

function tile(
  test: string,
  count: number | string,
  label: string,
  tone: HomeTile['tone'],
  target: TileTarget
): HomeTile {
  return { test, count, label, tone, target }
}
