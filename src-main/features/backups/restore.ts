import BetterSqlite3 from 'better-sqlite3'
import { chmodSync, copyFileSync, linkSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { AppContext, AppFiles } from '../../app/context'
import { HAS_UNIX_MODES, PRIVATE_FILE_MODE } from '../../app/privateFiles'
import { startCheckpointWorker } from '../../db/checkpointWorker'
import { createKysely, openSqlite } from '../../db/connection'
import { latestVersion, migrate } from '../../db/migrator'
import { sealStoredPasscodes } from '../workOrders/sealStoredPasscodes'
import { allMigrations } from '../../db/migrations'
import { AppError, type CurrentUser } from '../../../src-shared/contract'
import type {
  BackupCopy,
  RestoreConfirmed,
  RestoreHq,
  RestoreKept,
  RestoreMoney,
  RestoreResult
} from '../../../src-shared/contract/backups'
import { recordAudit } from '../audit/record'
import { backupTarget, readBackupSettings } from './backupSettings'
import { findCopy } from './copyFolder'
import { writeVerifiedCopy } from './copies'
import { holdsAShop, readDatabaseFacts, type DatabaseFacts } from './facts'
import { keepRunningAccess, readRunningAccess, type RunningAccess } from './keptAccess'
import { keepRunningErasures, readRunningErasures } from './keptErasures'
import { keepRunningCounters, readRunningCounters, type RunningCounter } from './keptNumbers'
import { keepRunningMoney, readMoneyAfterCopy, type RunningMoney } from './keptMoney'
import {
  hqAfterRestore,
  keepRunningHqConnection,
  readRunningHqConnection,
  sendAgainToHq,
  type HqAfterRestore,
  type RunningHqConnection
} from './keptHq'
import { verifyInWorker } from './snapshotWorker'
import { filesOf, oneAtATime } from './service'

/**
 * Puts a backup copy back as the shop's database, in place: the hosts keep serving the same
 * AppContext, whose database is swapped underneath them. A safety copy of today's data is taken
 * first; the copy is checked again (a stick can rot) and refused when a newer app wrote it; an
 * older one is brought up to date by the normal migrations. Every session ends, so every desk
 * is told and signs in again onto the restored data. Access taken away since the copy (a revoked
 * desk, a deactivated account, a changed password) is put onto the copy before the swap
 * (keptAccess.ts), and so is today's HQ connection (keptHq.ts), and what the shop confirmed to
 * people outside since: numbering continues from today's counters (keptNumbers.ts) and customers
 * erased since stay erased (keptErasures.ts); money that moved since is listed as dropped and a
 * day closed since stays closed (keptMoney.ts). The answer names them, and what HQ already
 * received after the copy.
 */
export async function restoreBackup(app: AppContext, actor: CurrentUser, name: string): Promise<RestoreResult> {
  const files = filesOf(app)
  return oneAtATime(app, async () => {
    const target = backupTarget(files, await readBackupSettings(app.db))
    const restored = findCopy(target.folder, name)
    const copyFile = join(target.folder, name)
    const incoming = await checkedFacts(copyFile)
    const before = readDatabaseFacts(app.sqlite)
    const replacedDb = app.db
    let safetyCopy: BackupCopy | undefined
    let kept: RestoreKept | undefined
    let confirmed: RestoreConfirmed | undefined
    let money: RestoreMoney | undefined
    let hq: RestoreHq | null = null
    try {
      // Holding the one connection means no desk's transaction is half done while the file moves.
      await replacedDb.connection().execute(async () => {
        safetyCopy = await writeVerifiedCopy(app.sqlite, files, target, 'restore', app.clock())
        // Read while the connection is held: no desk can revoke or change anything after this.
        const running: RunningState = {
          access: readRunningAccess(app.sqlite),
          hqConnection: readRunningHqConnection(app.sqlite),
          hq: hqAfterRestore(copyFile, files.databaseFile, true),
          counters: readRunningCounters(app.sqlite),
          erasures: readRunningErasures(app.sqlite),
          money: readMoneyAfterCopy(files.databaseFile, copyFile),
          actorId: actor.id
        }
        hq = running.hq?.hq ?? null
        // The checkpoint worker's connection goes first: the file is replaced under it.
        await app.checkpoints?.stop()
        app.sqlite.close()
        try {
          const readied = await putInPlace(app, files, copyFile, name, running)
          kept = readied.kept
          confirmed = readied.confirmed
          money = readied.money
          if (hq) hq = { ...hq, connectionKept: readied.hqConnectionKept }
          // Before the connection is let go: no call is served on the restored data in an old session.
          app.sessions.endAll('errors.sessionEndedByRestore')
        } finally {
          if (app.sqlite.open) app.checkpoints = startCheckpointWorker(app.sqlite, files.databaseFile)
        }
      })
    } finally {
      // Whether the restored copy or the original is open now, the closed handle is done with.
      if (app.db !== replacedDb) await replacedDb.destroy()
    }
    const result: RestoreResult = {
      restored,
      safetyCopy: safetyCopy!,
      kept: kept!,
      hq,
      confirmed: confirmed!,
      money: money!
    }
    await auditRestore(app, actor, result, before, incoming)
    return result
  })
}

/** The copy's own header and pages, not its manifest, decide whether it can be restored. */
async function checkedFacts(copyFile: string): Promise<DatabaseFacts> {
  let facts: DatabaseFacts
  try {
    facts = await verifyInWorker(copyFile)
  } catch {
    throw new AppError('CONFLICT', 'backups.copyDamaged')
  }
  const appVersion = latestVersion(allMigrations)
  if (facts.schemaVersion > appVersion) {
    throw new AppError('CONFLICT', 'backups.copyTooNew', { copyVersion: facts.schemaVersion, appVersion })
  }
  if (!holdsAShop(copyFile, openReadOnly)) throw new AppError('CONFLICT', 'backups.copyNotAShop')
  return facts
}

function openReadOnly(file: string): BetterSqlite3.Database {
  return new BetterSqlite3(file, { readonly: true, fileMustExist: true })
}

/** What the running database decided that the restored copy keeps, read just before the swap. */
interface RunningState {
  access: RunningAccess
  hqConnection: RunningHqConnection | undefined
  /** What HQ received after the copy, and the copy's changes to queue again for it. */
  hq: HqAfterRestore | null
  /** Every numbering counter: no number issued today is issued again. */
  counters: RunningCounter[]
  /** The customers erased today: the copy may still hold them. */
  erasures: string[]
  /** Money recorded and days closed after the copy. */
  money: RunningMoney
  /** Who restores: the erasures run again in their name, when the copy knows them. */
  actorId: string
}

interface Readied {
  kept: RestoreKept
  hqConnectionKept: boolean
  confirmed: RestoreConfirmed
  money: RestoreMoney
}

/**
 * Puts the copy `source` in place of the database file (owner-only). The copy is brought up to
 * date by the migrations and given the running database's access (keptAccess.ts) before the swap,
 * so a power cut at any moment leaves either today's database or the restored one with that access
 * kept, never the restored one without it. Whatever fails, the shop is left open on a whole
 * database: up to the swap the original is untouched and is opened again (a refusal of the copy is
 * the answer); after it, the original, kept aside under a second name (keepAside), is renamed back.
 * Neither needs room on the disk, as copying it back would.
 */
async function putInPlace(
  app: AppContext,
  files: AppFiles,
  source: string,
  name: string,
  running: RunningState
): Promise<Readied> {
  const database = files.databaseFile
  const incoming = `${database}.restoring`
  const aside = `${database}.replaced`
  const beforeTheSwap = (error: unknown, refusal: AppError): never => {
    console.error('[backups] restore failed before the swap; opening the database again', error)
    removeIfThere(incoming)
    removeSideFiles(incoming)
    openInPlace(app, database)
    throw error instanceof AppError ? error : refusal
  }
  let kept: Readied
  try {
    copyFileSync(source, incoming)
    if (HAS_UNIX_MODES) chmodSync(incoming, PRIVATE_FILE_MODE)
  } catch (error) {
    return beforeTheSwap(error, new AppError('CONFLICT', 'backups.restoreFailed', { name }))
  }
  try {
    kept = await readiedForUse(app, incoming, name, running)
  } catch (error) {
    return beforeTheSwap(error, new AppError('CONFLICT', 'backups.copyDamaged', { name }))
  }
  try {
    // The closed connection checkpointed its WAL; a stale one must not be replayed onto the copy.
    removeSideFiles(database)
    keepAside(database, aside)
  } catch (error) {
    return beforeTheSwap(error, new AppError('CONFLICT', 'backups.restoreFailed', { name }))
  }
  try {
    renameSync(incoming, database)
    openInPlace(app, database)
  } catch (error) {
    console.error('[backups] restore failed; putting the original back', error)
    removeIfThere(incoming)
    removeSideFiles(database)
    renameSync(aside, database)
    openInPlace(app, database)
    throw new AppError('CONFLICT', 'backups.copyDamaged', { name })
  }
  removeIfThere(aside)
  return kept
}

/**
 * Brings the copy up to date as start-up would, and keeps on it the running database's access, HQ
 * connection, numbering counters, erasures, and the money that moved since.
 */
async function readiedForUse(app: AppContext, copy: string, name: string, running: RunningState): Promise<Readied> {
  const sqlite = openSqlite(copy)
  try {
    bringUpToDate(app, sqlite)
    // The copy's sessions are over, even if the power fails before the restore ends today's.
    sqlite.prepare('DELETE FROM sessions').run()
    const kept = keepRunningAccess(sqlite, running.access, app.clock())
    const hqConnectionKept = running.hqConnection ? keepRunningHqConnection(sqlite, running.hqConnection) : false
    if (running.hq) sendAgainToHq(sqlite, running.hq.sendAgain, app.clock())
    const numberSeries = keepRunningCounters(sqlite, running.counters)
    const money = keepRunningMoney(sqlite, running.money, name, app.clock())
    // After the changes queued again for HQ: the erasure redacts those too, and its own change goes last.
    const erasures = await keepRunningErasures(sqlite, running.erasures, running.actorId, app.clock())
    return { kept, hqConnectionKept, confirmed: { numberSeries, erasures }, money }
  } finally {
    // Closing the only connection folds its WAL into the file, which is renamed alone.
    sqlite.close()
  }
}

/**
 * Gives the original a second name to come back from. A hard link leaves the database's own
 * name in place until the restored copy is renamed over it, so a power cut at any moment leaves
 * a whole database there (a missing one would start as a new, empty shop). Where the disk has no
 * hard links (FAT, some shares) the original is renamed aside, which leaves that moment open.
 * A name left by a restore cut short goes first: that original is the safety copy too.
 */
function keepAside(database: string, aside: string): void {
  rmSync(aside, { force: true })
  try {
    linkSync(database, aside)
  } catch {
    renameSync(database, aside)
  }
}

/** Opens the database file and brings it up to date, as start-up does; the context serves it from then on. */
function openInPlace(app: AppContext, database: string): void {
  const sqlite = openSqlite(database)
  try {
    bringUpToDate(app, sqlite)
  } catch (error) {
    sqlite.close()
    throw error
  }
  app.sqlite = sqlite
  app.db = createKysely(sqlite, app.changes.watch(sqlite))
}

function bringUpToDate(app: AppContext, sqlite: BetterSqlite3.Database): void {
  migrate(sqlite, allMigrations, app.clock)
  // A copy from before passcodes were sealed holds them in plain text: seal them as start-up does.
  sqlite.pragma('secure_delete = ON')
  sealStoredPasscodes(sqlite)
}

function removeSideFiles(database: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${database}${suffix}`, { force: true })
}

/** Tidying after a failure must not hide it: a leftover that cannot go (a folder in its place) stays. */
function removeIfThere(file: string): void {
  try {
    rmSync(file, { force: true })
  } catch (error) {
    console.error(`[backups] could not remove ${file}`, error)
  }
}

async function auditRestore(
  app: AppContext,
  actor: CurrentUser,
  result: RestoreResult,
  before: DatabaseFacts,
  restored: DatabaseFacts
): Promise<void> {
  await app.db.transaction().execute(async (trx) => {
    // The admin who restored may not exist yet in an older copy; their name is kept either way.
    const known = await trx.selectFrom('users').select('id').where('id', '=', actor.id).executeTakeFirst()
    await recordAudit(trx, app.clock(), {
      actorId: known ? actor.id : null,
      action: 'backups.restore',
      entity: 'backup',
      entityId: result.restored.name,
      before: { ...before, safetyCopy: result.safetyCopy.name },
      after: {
        ...restored,
        restoredBy: actor.displayName,
        kept: result.kept,
        hq: result.hq,
        confirmed: result.confirmed,
        money: result.money
      }
    })
  })
}
