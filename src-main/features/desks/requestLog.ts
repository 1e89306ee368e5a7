import type { AppContext } from '../../app/context'
import { AppError, type OperationName } from '../../../src-shared/contract'
import { isWriteOperation, WRITES_NEVER_REPLAYED } from '../../../src-shared/contract/permissions'
import { isSealedPasscode, openAtRest, sealAtRest } from '../workOrders/passcodeSeal'

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
 * The answer is stored just after the write's own transaction commits, not inside it: if the
 * server dies in between, a retry applies the write again. That window is a few microseconds.
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
      .select(['operation', 'resultJson'])
      .where('deskId', '=', deskId)
      .where('requestId', '=', requestId)
      .executeTakeFirst()
    if (stored) {
      if (stored.operation !== operation) throw new AppError('VALIDATION', 'errors.requestIdReused')
      return openAnswer(stored.resultJson, deskId, requestId)
    }
    const result = await apply()
    const now = app.clock()
    await app.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('requestLog')
        .values({
          deskId,
          requestId,
          operation,
          // A JSON string, as the column holds JSON.
          resultJson: JSON.stringify(sealAtRest(JSON.stringify(result ?? null), answerContext(deskId, requestId))),
          at: now.toISOString()
        })
        .execute()
      await trx
        .deleteFrom('requestLog')
        .where('at', '<', new Date(now.getTime() - REQUEST_LOG_KEEP_MS).toISOString())
        .execute()
    })
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
