import type { AppContext } from '../../../app/context'
import type { CurrentUser, ErrorKey } from '../../../../src-shared/contract'
import { AppError } from '../../../../src-shared/contract'
import {
  HELD_LISTED,
  SYNC_LATE_AFTER_HOURS,
  type HqCertificate,
  type SyncProblem,
  type SyncStatus
} from '../../../../src-shared/contract/sync'
import { enrolResponse, HQ_PROTOCOL_VERSION, PULLED_TABLES } from '../../../../src-shared/hq/protocol'
import { recordAudit } from '../../audit/record'
import { shopNameOf } from './shopName'
import { sealShopKey } from '../shopKeySeal'
import { readHqConnection, type HqConnection } from './connection'
import { callHq, HqCallError, readHqFingerprint, type HqProblem } from './hqClient'
import { changesWaiting, stuckPushBatch } from './push'
import { heldChanges, sendHeldChangeAgain } from './held'
import { refusedPulledRows } from './refusedRows'
import { isSyncRunning, syncWithHq } from './run'

/**
 * Whether the shop has gone too long without a whole sync: counted from the last success, or from
 * enrolment when there never was one, so a sync that hangs or a timer that stopped (no problem
 * recorded) shows too.
 */
function isSyncLate(connection: HqConnection | undefined, now: Date): boolean {
  if (!connection) return false
  const since = Date.parse(connection.lastSuccessAt ?? connection.enrolledAt)
  return now.getTime() - since > SYNC_LATE_AFTER_HOURS * 3_600_000
}

export async function syncStatus(app: AppContext): Promise<SyncStatus> {
  const connection = await readHqConnection(app.db)
  const tables = await app.db
    .selectFrom('hqPullCursors')
    .select(['tableName as table', 'cursor', 'remaining', 'updatedAt'])
    .execute()
  // In the protocol's order: the registry first, as the pull goes.
  const order = (table: string) => (PULLED_TABLES as readonly string[]).indexOf(table)
  tables.sort((a, b) => order(a.table) - order(b.table))
  const { held, count: heldCount } = connection ? heldChanges(app) : { held: [], count: 0 }
  const refused = await refusedPulledRows(app)
  return {
    enrolled: connection !== undefined,
    hqUrl: connection?.hqUrl ?? null,
    hqName: connection?.hqName ?? null,
    shopId: connection?.shopId ?? null,
    fingerprint: connection?.fingerprint ?? null,
    enrolledAt: connection?.enrolledAt ?? null,
    lastSuccessAt: connection?.lastSuccessAt ?? null,
    lastAttemptAt: connection?.lastAttemptAt ?? null,
    problem: (connection?.lastError as SyncProblem | null | undefined) ?? null,
    failures: connection?.failures ?? 0,
    changesWaiting: changesWaiting(app),
    stuck: connection ? stuckPushBatch(app) : null,
    held: held.slice(0, HELD_LISTED),
    heldCount,
    refusedRows: refused.rows,
    refusedRowCount: refused.count,
    late: isSyncLate(connection, app.clock()),
    running: isSyncRunning(app),
    tables
  }
}

/** A held change goes to HQ again with the next sync, started now. */
export async function sendAgain(app: AppContext, at: Date, actor: CurrentUser, changeId: string): Promise<SyncStatus> {
  await sendHeldChangeAgain(app, at, actor, changeId)
  void syncWithHq(app)
  return syncStatus(app)
}

/** Starts a sync now and answers at once: the page follows it through sync.status. */
export async function syncNow(app: AppContext): Promise<SyncStatus> {
  if (!(await readHqConnection(app.db))) throw new AppError('CONFLICT', 'sync.notEnrolled')
  void syncWithHq(app)
  return syncStatus(app)
}

const ENROL_ERROR_KEYS: Record<HqProblem, ErrorKey> = {
  unreachable: 'sync.hqUnreachable',
  certificateChanged: 'sync.certificateChanged',
  keyInvalid: 'sync.hqRefused',
  keyRevoked: 'sync.hqRefused',
  codeInvalid: 'sync.enrolCodeInvalid',
  codeExpired: 'sync.enrolCodeExpired',
  hqRefused: 'sync.hqRefused',
  keyUnreadable: 'sync.hqRefused'
}

function asAppError(error: unknown): unknown {
  return error instanceof HqCallError ? new AppError('CONFLICT', ENROL_ERROR_KEYS[error.problem]) : error
}

export async function readHqCertificate(hqUrl: string): Promise<HqCertificate> {
  try {
    return { hqUrl, fingerprint: await readHqFingerprint(hqUrl) }
  } catch (error) {
    throw asAppError(error)
  }
}

/**
 * Enrols the shop with the one-time code HQ's network admin gave: only with the certificate the
 * admin confirmed (sent to nowhere else), and the shop key HQ answers is kept sealed. A shop
 * enrolled again (a new code after its key was revoked) replaces its key and keeps its cursors.
 */
export async function enrolWithHq(
  app: AppContext,
  at: Date,
  actor: CurrentUser,
  input: { hqUrl: string; fingerprint: string; code: string }
): Promise<SyncStatus> {
  const hqUrl = input.hqUrl.replace(/\/+$/, '')
  const shopName = await shopNameOf(app.db)
  let answer
  try {
    answer = await callHq(
      { baseUrl: hqUrl, fingerprint: input.fingerprint, shopKey: null },
      'enrol',
      { code: input.code, shopName: shopName || '-', appVersion: `protocol-${HQ_PROTOCOL_VERSION}` },
      enrolResponse
    )
  } catch (error) {
    throw asAppError(error)
  }
  const row = {
    hqUrl,
    fingerprint: input.fingerprint,
    shopId: answer.shopId,
    hqName: answer.hqName,
    sealedKey: sealShopKey(answer.shopKey),
    enrolledAt: at.toISOString(),
    enrolledBy: actor.id,
    lastError: null,
    failures: 0
  }
  await app.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('hqConnection')
      .values({ id: 1, ...row, lastSuccessAt: null, lastAttemptAt: null, lastErrorAt: null })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(row))
      .execute()
    // The key itself never reaches the audit log.
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'sync.enrol',
      entity: 'hq_connection',
      entityId: answer.shopId,
      after: { hqUrl, fingerprint: input.fingerprint, shopId: answer.shopId, hqName: answer.hqName }
    })
  })
  return syncStatus(app)
}
