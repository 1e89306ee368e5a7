/**
 * The session token of this window. Kept in sessionStorage so a reload keeps the user signed
 * in, while closing the window (or the app) ends it.
 */
const KEY = 'service-center.token'

export function readToken(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined
}

export function saveToken(token: string | undefined): void {
  if (token) sessionStorage.setItem(KEY, token)
  else sessionStorage.removeItem(KEY)
}
