import type { CallSource } from '../../rpc/callSource'

export interface SignInOrigin {
  /** One throttling bucket per source; every loopback address is the same machine, so one bucket. */
  key: string
  /** The shop server itself: its desktop window, or a browser on it through loopback. */
  atShopServer: boolean
}

export function signInOrigin(source: CallSource): SignInOrigin {
  if (source.transport === 'ipc') return { key: 'ipc', atShopServer: true }
  const address = source.address
  // A paired desk is another PC, even when (in tests) it reaches the LAN listener over loopback.
  if (source.deskId !== undefined) return { key: `http:${address ?? 'unknown'}`, atShopServer: false }
  if (address !== undefined && isLoopbackAddress(address)) return { key: 'loopback', atShopServer: true }
  return { key: `http:${address ?? 'unknown'}`, atShopServer: false }
}

export function isLoopbackAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
  return v4.startsWith('127.') || address === '::1'
}
