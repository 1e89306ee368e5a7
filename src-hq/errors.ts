import type { HqErrorCode } from '../src-shared/hq/protocol'

/** What HQ's staff operations answer with besides the shop protocol's codes. */
export type HqStaffErrorCode =
  | HqErrorCode
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_THROTTLED'

export interface HqErrorData {
  code: HqStaffErrorCode
  messageKey: string
  params?: Record<string, unknown>
}

/**
 * An error HQ answers as data: `{ ok: false, error: { code, messageKey, params } }`. The message
 * keys are the HQ page's (src-hq/web/messages.ts) and, for the shop protocol's codes, the shop's.
 */
export class HqError extends Error {
  constructor(
    readonly code: HqStaffErrorCode,
    readonly messageKey: string = `hqErrors.${code}`,
    readonly params?: Record<string, unknown>
  ) {
    super(messageKey)
    this.name = 'HqError'
  }

  toData(): HqErrorData {
    const data: HqErrorData = { code: this.code, messageKey: this.messageKey }
    if (this.params) data.params = this.params
    return data
  }
}

export type HqAnswer<T> = { ok: true; data: T } | { ok: false; error: HqErrorData }

/** Runs an operation and turns a thrown HqError (or anything else) into an answer. */
export async function answer<T>(run: () => Promise<T>, onUnexpected: (error: unknown) => void): Promise<HqAnswer<T>> {
  try {
    return { ok: true, data: await run() }
  } catch (error) {
    if (error instanceof HqError) return { ok: false, error: error.toData() }
    onUnexpected(error)
    return { ok: false, error: { code: 'INTERNAL', messageKey: 'hqErrors.INTERNAL' } }
  }
}
