import type { AppContext } from '../../../app/context'
import type { CurrentUser } from '../../../../src-shared/contract'
import type { NetworkStatus } from '../../../../src-shared/contract/desks/network'
import { recordAudit } from '../../audit/record'
import { writeSetting } from '../../settings/service'
import { LAN_LISTENER_KEY, readLanListenerSetting, type LanListenerSetting } from './setting'

/** Where the LAN and loopback hosts serve the certificate for a browser to download and trust. */
export const CERTIFICATE_PATH = '/shop-server.crt'

export async function networkStatus(app: AppContext): Promise<NetworkStatus> {
  const setting = await readLanListenerSetting(app.db)
  const state = app.shopNetwork?.state() ?? { listeningNow: false, addresses: [], certificateFingerprint: null }
  return {
    lanListening: setting.on,
    port: setting.port,
    ...state,
    certificatePem: app.shopNetwork?.certificatePem() ?? null,
    certificatePath: CERTIFICATE_PATH
  }
}

/** Stores the admin's choice, then has the running shop server open or close its LAN listener. */
export async function setLanListening(
  app: AppContext,
  now: Date,
  admin: CurrentUser,
  input: { on: boolean; port?: number | undefined }
): Promise<NetworkStatus> {
  const before = await readLanListenerSetting(app.db)
  const next: LanListenerSetting = { on: input.on, port: input.port ?? before.port }
  await app.db.transaction().execute(async (trx) => {
    await writeSetting(trx, LAN_LISTENER_KEY, next, now, admin.id)
    await recordAudit(trx, now, {
      actorId: admin.id,
      action: 'network.setLanListening',
      entity: 'shop',
      entityId: null,
      before,
      after: next
    })
  })
  await app.shopNetwork?.apply(next)
  return networkStatus(app)
}
