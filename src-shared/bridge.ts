import type { AppErrorData, RpcResult } from './contract/errors'
import type { ChangeBatch } from './liveChanges'

/** The single IPC channel the preload may invoke for contract calls. */
export const RPC_CHANNEL = 'service-center:rpc'
/** The renderer asks for the live changes of its session (a token, or null to stop). */
export const WATCH_CHANGES_CHANNEL = 'service-center:watch-changes'
/** The main process relays live-change messages to the renderer on this channel. */
export const CHANGES_CHANNEL = 'service-center:changes'
/** Making this PC a desk of a shop server, or this shop's own data keeper again. */
export const DESK_SETUP_CHANNEL = 'service-center:desk-setup'

/** What the desktop shell relays of the live changes, in order (host/desk/changeStream.ts). */
export type LiveChangeMessage =
  { kind: 'open' } | { kind: 'changes'; batch: ChangeBatch } | { kind: 'dropped' } | { kind: 'refused'; status: number }

/** The desktop shell's own setup calls: not contract operations, they choose where the contract goes. */
export type DeskSetupRequest =
  | { action: 'status' }
  /** Pairs with the shop server at `url` (`https://192.168.1.10:4320/`) using the admin's code. */
  | { action: 'pair'; url: string; code: string; deskName?: string }
  /** Forgets the shop server: this PC works on its own data again. */
  | { action: 'forget' }

export interface DeskSetupStatus {
  /** `desk`: every call goes to the shop server at `serverUrl`; `shop-server`: this PC keeps the data. */
  mode: 'desk' | 'shop-server'
  serverUrl: string | null
}

/**
 * What a desk's shell answers when the shop server gave no answer, even after its own quick
 * retries (host/desk/shopServerClient.ts). The server may have applied the write, so this is not
 * a refusal: the renderer keeps the call and sends it again with the same request id until the
 * server answers, as a browser desk does after a lost fetch.
 */
export const SHOP_SERVER_UNANSWERED: AppErrorData = { code: 'INTERNAL', messageKey: 'errors.connection' }

export function isShopServerUnanswered(result: RpcResult<unknown>): boolean {
  return (
    !result.ok &&
    result.error.code === SHOP_SERVER_UNANSWERED.code &&
    result.error.messageKey === SHOP_SERVER_UNANSWERED.messageKey
  )
}

/** What the Electron preload exposes as `window.serviceCenter`: the contract, and nothing else. */
export interface ServiceCenterBridge {
  /**
   * One contract call. `requestId` is the call's own, the same on every retry: at a desk the
   * shell sends it to the shop server, which applies a write once per id.
   */
  call(operation: string, input: unknown, token: string | undefined, requestId?: string): Promise<RpcResult<unknown>>
  /** Follows the session's live changes; returns the stop function. Absent in older shells. */
  watchChanges?(token: string, listener: (message: LiveChangeMessage) => void): () => void
  /** Where this PC's calls go: its own data, or a shop server it is paired with. */
  deskSetup?(request: DeskSetupRequest): Promise<RpcResult<DeskSetupStatus>>
}
