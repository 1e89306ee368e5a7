/** Stable error codes that cross the host boundary. The UI translates `messageKey`, never a stack. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'ALREADY_INITIALIZED',
  'NOT_INITIALIZED',
  'UNKNOWN_OPERATION',
  'INVALID_TRANSITION',
  'APPROVAL_REQUIRED',
  'CLAIM_CODE_MISMATCH',
  'READ_ONLY',
  'STOCK_INSUFFICIENT',
  'INTERNAL'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldIssue {
  /** Dotted path into the input, e.g. `admin.password`. */
  path: string
  messageKey: string
  params?: Record<string, string | number>
}

export interface AppErrorData {
  code: ErrorCode
  messageKey: string
  details?: { fields?: FieldIssue[] } & Record<string, unknown>
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly messageKey: string
  readonly details: AppErrorData['details']

  constructor(code: ErrorCode, messageKey?: string, details?: AppErrorData['details']) {
    super(messageKey ?? `errors.${code}`)
    this.name = 'AppError'
    this.code = code
    this.messageKey = messageKey ?? `errors.${code}`
    this.details = details
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, messageKey: this.messageKey }
      : { code: this.code, messageKey: this.messageKey, details: this.details }
  }
}

export type RpcResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorData }
