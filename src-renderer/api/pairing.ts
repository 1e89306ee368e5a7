import { ApiError } from './client'
import { saveDeskCredential } from './deskCredential'
import { attempt } from './transport'
import { uuidv7 } from '../../src-shared/domain/ids'

export interface PairingRequest {
  /** The code the shop server shows an admin, valid for 10 minutes. */
  code: string
  /** How the admin will see this desk in the list ("前台2", "仓库"); the server names it otherwise. */
  deskName?: string
}

/**
 * Pairs this browser with the shop server it was loaded from (`desks.pair`, the one operation an
 * unpaired desk may call) and keeps the desk credential it answers with. Tried once: the person
 * at the desk sees at once whether the code was right or the server unreachable.
 */
export async function pairDesk(request: PairingRequest): Promise<{ deskId: string }> {
  const outcome = await attempt('desks.pair', request, undefined, uuidv7())
  if (!outcome.answered) throw new ApiError({ code: 'INTERNAL', messageKey: 'errors.connection' })
  if (!outcome.result.ok) throw new ApiError(outcome.result.error)
  const { deskId, credential } = outcome.result.data as { deskId: string; credential: string }
  saveDeskCredential(credential)
  return { deskId }
}

/** An admin moves this desk to another shop server (or makes it unpaired again): it forgets its credential. */
export function forgetPairing(): void {
  saveDeskCredential(undefined)
}
