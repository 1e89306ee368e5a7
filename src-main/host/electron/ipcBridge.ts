import type { AppContext } from '../../app/context'
import { dispatch } from '../../rpc/dispatch'
import type { HandlerTable } from '../../rpc/handler'
import { AppError, type RpcResult } from '../../../src-shared/contract'

export { RPC_CHANNEL } from '../../../src-shared/bridge'

export interface IpcSender {
  /** URL of the frame that sent the message. */
  frameUrl: string
  /** Whether the message came from the app's own window (not a devtools or foreign frame). */
  fromAppWindow: boolean
}

/**
 * The IPC host's whole job: check who is asking, then hand the call to the same dispatcher the
 * HTTP host uses. Kept free of Electron imports so it is tested in plain Node.
 */
export async function handleIpcCall(
  app: AppContext,
  handlers: HandlerTable,
  appUrlPrefix: string,
  sender: IpcSender,
  payload: unknown
): Promise<RpcResult<unknown>> {
  const refused = refuseUntrustedCall(appUrlPrefix, sender, payload)
  if (refused) return refused
  const { operation, input, token } = payload as Record<string, unknown>
  return dispatch(app, handlers, {
    operation: typeof operation === 'string' ? operation : '',
    input,
    token: typeof token === 'string' ? token : undefined,
    source: { transport: 'ipc' }
  })
}

/** The checks every IPC call passes first, whether this PC serves it or forwards it to the shop server. */
export function refuseUntrustedCall(
  appUrlPrefix: string,
  sender: IpcSender,
  payload: unknown
): RpcResult<unknown> | null {
  if (!sender.fromAppWindow || !sender.frameUrl.startsWith(appUrlPrefix)) {
    return { ok: false, error: new AppError('FORBIDDEN', 'errors.FORBIDDEN', { reason: 'untrusted sender' }).toData() }
  }
  if (typeof payload !== 'object' || payload === null) {
    return { ok: false, error: new AppError('VALIDATION').toData() }
  }
  return null
}
