import type { RpcResult } from './contract/errors'

/** The single IPC channel the preload may invoke. */
export const RPC_CHANNEL = 'service-center:rpc'

/** What the Electron preload exposes as `window.serviceCenter`: the contract, and nothing else. */
export interface ServiceCenterBridge {
  call(operation: string, input: unknown, token: string | undefined): Promise<RpcResult<unknown>>
}
