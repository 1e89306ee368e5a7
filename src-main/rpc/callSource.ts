/**
 * Where a call came from, as the host saw it. Hosts only report it (the IPC host: the desktop
 * window on this machine; the HTTP host: the peer address of the connection, and the paired desk
 * whose credential the request carried); what it means for sign-in is decided in
 * features/auth/signInSource.ts.
 */
export type CallSource =
  | { transport: 'ipc' }
  | {
      transport: 'http'
      address: string | undefined
      /** The paired desk (features/desks) whose credential the host verified; absent on loopback. */
      deskId?: string
    }

/** What dispatch assumes when a caller names no source: an unknown desk, with no privilege. */
export const UNKNOWN_SOURCE: CallSource = { transport: 'http', address: undefined }

/** The desk id of the shop server's own PC (its window, or a browser on it through loopback). */
export const THIS_PC_DESK_ID = 'this-pc'

/** Which desk a call belongs to: desk settings (printers, scanner, language) are kept per desk. */
export function deskIdOf(source: CallSource): string {
  return source.transport === 'http' && source.deskId ? source.deskId : THIS_PC_DESK_ID
}
