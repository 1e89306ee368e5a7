import { ApiError } from './client'
import { saveDeskCredential } from './deskCredential'
import { attempt } from './transport'
import { uuidv7 } from '../../src-shared/domain/ids'

export interface PairingRequest {
  /** The shop server's address, which the desktop shell asks for; a browser pairs with the server it came from. */
  serverUrl?: string
  /** The code the shop server shows an admin, valid for 10 minutes. */
  code: string
  /** How the admin will see this desk in the list ("前台2", "仓库"); the server names it otherwise. */
  deskName?: string
}

/**
 * Pairs this browser with the shop server it was loaded from (`desks.pair`, the one operation an
 * unpaired desk may call) and keeps the desk credential it answers with. Tried once: the person
 * at the desk sees at once whether the code was right or the server unreachable. In the desktop
 * shell the shell pairs, with the address typed in, and keeps the credential itself.
 */
export async function pairDesk(request: PairingRequest): Promise<{ deskId: string | null }> {
  const { serverUrl, ...pairing } = request
  const shell = window.serviceCenter
  if (shell?.deskSetup) {
    const paired = await shell.deskSetup({ action: 'pair', url: serverUrl ?? '', ...pairing })
    if (!paired.ok) throw new ApiError(paired.error)
    // The shell keeps the pairing; the renderer has nothing of it to keep.
    return { deskId: null }
  }
  const outcome = await attempt('desks.pair', pairing, undefined, uuidv7())
  if (!outcome.answered) throw new ApiError({ code: 'INTERNAL', messageKey: 'errors.connection' })
  if (!outcome.result.ok) throw new ApiError(outcome.result.error)
  const { deskId, credential } = outcome.result.data as { deskId: string; credential: string }
  saveDeskCredential(credential)
  return { deskId }
}

/** Whether this desk can be paired with a shop server: any browser, and a desktop shell that offers it. */
export function canPairWithShopServer(): boolean {
  return !window.serviceCenter || window.serviceCenter.deskSetup !== undefined
}

/**
 * An admin moves this desk to another shop server (or makes it unpaired again): it forgets its
 * credential. The desktop shell then works on this PC's own data until it is paired again.
 */
export async function forgetPairing(): Promise<void> {
  saveDeskCredential(undefined)
  const result = await window.serviceCenter?.deskSetup?.({ action: 'forget' })
  if (result && !result.ok) throw new ApiError(result.error)
}
