import type { RpcResult } from './contract/errors'

/** What the Electron preload exposes as `window.serviceCenter`: the contract, and nothing else. */
export interface ServiceCenterBridge {
  call(operation: string, input: unknown, token: string | undefined): Promise<RpcResult<unknown>>
}
