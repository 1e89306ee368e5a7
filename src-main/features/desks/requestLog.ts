import type { AppContext } from '../../app/context'
import { AppError, type OperationName } from '../../../src-shared/contract'
import { isWriteOperation, WRITES_NEVER_REPLAYED } from '../../../src-shared/contract/permissions'
import { isSealedPasscode, openAtRest, sealAtRest } from '../workOrders/passcodeSeal'
import { currentCallScope, runInCallScope } from '../../rpc/callScope'
import type { Db } from '../../db/connection'
import { reusableQuery } from '../../db/reusableQuery'

/** How long the answer to a write is kept for a retry: far longer than any desk keeps retrying. */
export const REQUEST_LOG_KEEP_MS = 24 * 60 * 60_000

/** Writes being applied right now, by desk and request id, so a retry sent meanwhile waits for the first. */
const inFlight = new WeakMap<AppContext, Map<string, Promise<unknown>>>()

export function isReplayableWrite(operation: OperationName): boolean {
  return isWriteOperation(operation) && !WRITES_NEVER_REPLAYED.has(operation)
}

/**
 * Applies a write once per (desk, request id). A desk that lost the answer (time-out, dropped
 * connection) sends the same id again and gets the stored answer; nothing is applied twice.
 * Only successes are kept: a refused write changed nothing (one transaction), so running it again
 * is safe and answers with today's reason.
 *
 * The id is claimed inside the write's own transaction (with its audit row, `claimWrite`), and
 * its answer kept just after the commit. If the shop server dies in between, the retry finds the
 * claim without an answer: it is told the write was saved, and nothing is applied again.
 */
export async function applyOnce(
  app: AppContext,
  deskId: string,
  requestId: string,
  operation: OperationName,
  apply: () => Promise<unknown>
): Promise<unknown> {
  const key = `${deskId}\u0000${requestId}`
  const running = inFlightOf(app)
  const already = running.get(key)
  if (already) return already
  const work = (async () => {
    const stored = await app.db
      .selectFrom('requestLog')
      .select(['operation', 'resultJson', 'answered'])
      .where('deskId', '=', deskId)
      .where('requestId', '=', requestId)
      .executeTakeFirst()
    if (stored) {
      if (stored.operation !== operation) throw new AppError('VALIDATION', 'errors.requestIdReused')
      if (stored.answered === 0) throw new AppError('CONFLICT', 'errors.requestSavedAnswerLost')
      return openAnswer(stored.resultJson, deskId, requestId)
    }
    const call = currentCallScope()
    const claimWrite = writeClaim(deskId, requestId, operation, app.clock)
    const result = call ? await runInCallScope({ ...call, claimWrite }, apply) : await apply()
    await keepAnswer(app, deskId, requestId, operation, result)
    return result
  })()
  running.set(key, work)
  try {
    return await work
  } finally {
    running.delete(key)
  }
}

/**
 * Claims the request id in each transaction the write commits, once per transaction: a claim
 * rolled back with its transaction is made again by the next one. A write whose first transaction
 * commits stays claimed even if a later step fails, because what committed must not be applied again.
 */
function writeClaim(deskId: string, requestId: string, operation: OperationName, clock: () => Date) {
  const claimedIn = new WeakSet<Db>()
  return async (trx: Db): Promise<void> => {
    if (claimedIn.has(trx)) return
    claimedIn.add(trx)
    await insertClaim.execute(trx, deskId, requestId, operation, clock().toISOString())
  }
}

// Every desk's write runs it, beside its audit row: compiled once (db/reusableQuery.ts).
const insertClaim = reusableQuery(4, (db: Db, deskId: string, requestId: string, operation: string, at: string) =>
  db
    .insertInto('requestLog')
    .values({ deskId, requestId, operation, resultJson: 'null', at, answered: 0 })
    .onConflict((conflict) => conflict.columns(['deskId', 'requestId']).doNothing())
)

/** Keeps the answer for a retry (over the claim, if the write made one), and drops day-old answers. */
async function keepAnswer(
  app: AppContext,
  deskId: string,
  requestId: string,
  operation: OperationName,
  result: unknown
): Promise<void> {
  const now = app.clock()
  // A JSON string, as the column holds JSON.
  const resultJson = JSON.stringify(sealAtRest(JSON.stringify(result ?? null), answerContext(deskId, requestId)))
  await app.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('requestLog')
      .values({ deskId, requestId, operation, resultJson, at: now.toISOString(), answered: 1 })
      .onConflict((conflict) =>
        conflict.columns(['deskId', 'requestId']).doUpdateSet({ resultJson, at: now.toISOString(), answered: 1 })
      )
      .execute()
    await trx
      .deleteFrom('requestLog')
      .where('at', '<', new Date(now.getTime() - REQUEST_LOG_KEEP_MS).toISOString())
      .execute()
  })
}

/**
 * An answer is kept sealed like a device passcode: it may carry one (a work order's detail, for a
 * manager or its technician) or a claim code, and the database file and every backup copy of it
 * would otherwise hold them in the clear for a day. Bound to its desk and request id.
 */
const answerContext = (deskId: string, requestId: string) => `request_log:${deskId}\u0000${requestId}`

function openAnswer(resultJson: string, deskId: string, requestId: string): unknown {
  const kept = JSON.parse(resultJson) as unknown
  // Kept before answers were sealed (no answer is a string like a sealed value); gone within a day.
  if (typeof kept !== 'string' || !isSealedPasscode(kept)) return kept
  const answer = openAtRest(kept, answerContext(deskId, requestId))
  // Only a lost key file does this, and it loses every passcode with it; the write stays applied once.
  if (answer === null) throw new Error(`the kept answer to request ${requestId} no longer opens`)
  return JSON.parse(answer) as unknown
}

function inFlightOf(app: AppContext): Map<string, Promise<unknown>> {
  let running = inFlight.get(app)
  if (!running) {
    running = new Map()
    inFlight.set(app, running)
  }
  return running
}
