import type { AppContext } from '../../app/context'
import { AppError, type OperationName } from '../../../src-shared/contract'
import { isWriteOperation, WRITES_NEVER_REPLAYED } from '../../../src-shared/contract/permissions'

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
      return JSON.parse(stored.resultJson) as unknown
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
          resultJson: JSON.stringify(result ?? null),
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

function inFlightOf(app: AppContext): Map<string, Promise<unknown>> {
  let running = inFlight.get(app)
  if (!running) {
    running = new Map()
    inFlight.set(app, running)
  }
  return running
}
