import { reactive } from 'vue'
import type { HqStaffInput, HqStaffOperation } from '../contract'
import type { HqStaffOutput, StaffUser } from '../contractOutputs'

/** An error HQ answered with; `messageKey` is translated by the page. */
export class HqCallError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {}
  ) {
    super(messageKey)
  }
}

const TOKEN_KEY = 'hq.session'

/** Who is signed in on this tab; the token lives in sessionStorage, gone with the tab. */
export const session = reactive({
  token: sessionStorage.getItem(TOKEN_KEY) ?? '',
  user: null as StaffUser | null
})

export function rememberSession(token: string, user: StaffUser): void {
  session.token = token
  session.user = user
  sessionStorage.setItem(TOKEN_KEY, token)
}

export function forgetSession(): void {
  session.token = ''
  session.user = null
  sessionStorage.removeItem(TOKEN_KEY)
}

/** One staff operation: `POST /api/<operation>` with the bearer token; errors thrown as HqCallError. */
export async function call<O extends HqStaffOperation>(
  operation: O,
  input: Partial<HqStaffInput<O>>
): Promise<HqStaffOutput<O>> {
  const response = await fetch(`/api/${operation}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(session.token ? { Authorization: `Bearer ${session.token}` } : {})
    },
    body: JSON.stringify(input)
  })
  const body = (await response.json()) as
    | { ok: true; data: HqStaffOutput<O> }
    | { ok: false; error: { code: string; messageKey: string; params?: Record<string, unknown> } }
  if (body.ok) return body.data
  if (body.error.code === 'UNAUTHENTICATED') forgetSession()
  throw new HqCallError(body.error.code, body.error.messageKey, body.error.params)
}

/** Saves an Excel file the server made (base64) under its name. */
export function saveWorkbook(file: { fileName: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
  const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = file.fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 1000)
}
