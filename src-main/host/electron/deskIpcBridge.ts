import type { RpcResult } from '../../../src-shared/contract'
import type { DeskCall } from '../desk/shopServerClient'
import { refuseUntrustedCall, type IpcSender } from './ipcBridge'

/** What the IPC host needs of the desk client: one call, answered as the contract answers. */
export interface ShopServerCaller {
  call(call: DeskCall): Promise<RpcResult<unknown>>
}

/**
 * The IPC host of a desk (a PC that connects to the shop server): the same sender checks as on
 * the shop server, then the call goes to the shop server as it is; nothing runs here. The
 * renderer may send the request id of a save it keeps open (`requestId`), so a save retried after
 * the connection came back is applied once.
 */
export async function handleDeskIpcCall(
  shopServer: ShopServerCaller,
  appUrlPrefix: string,
  sender: IpcSender,
  payload: unknown
): Promise<RpcResult<unknown>> {
  const refused = refuseUntrustedCall(appUrlPrefix, sender, payload)
  if (refused) return refused
  const { operation, input, token, requestId } = payload as Record<string, unknown>
  return shopServer.call({
    operation: typeof operation === 'string' ? operation : '',
    input,
    token: typeof token === 'string' ? token : undefined,
    requestId: typeof requestId === 'string' ? requestId : undefined
  })
}
