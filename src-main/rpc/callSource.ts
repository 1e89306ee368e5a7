/**
 * Where a call came from, as the host saw it. Hosts only report it (the IPC host: the desktop
 * window on this machine; the HTTP host: the peer address of the connection); what it means for
 * sign-in is decided in features/auth/signInSource.ts.
 */
export type CallSource = { transport: 'ipc' } | { transport: 'http'; address: string | undefined }

/** What dispatch assumes when a caller names no source: an unknown desk, with no privilege. */
export const UNKNOWN_SOURCE: CallSource = { transport: 'http', address: undefined }
