/**
 * This desk's credential from pairing with the shop server (browser mode keeps it in
 * localStorage: it belongs to the desk, not to a window or a person). Absent on the shop
 * server's own PC, which needs none.
 */
const KEY = 'service-center.desk-credential'

export function readDeskCredential(): string | undefined {
  return localStorage.getItem(KEY) ?? undefined
}

export function saveDeskCredential(credential: string | undefined): void {
  if (credential) localStorage.setItem(KEY, credential)
  else localStorage.removeItem(KEY)
}
