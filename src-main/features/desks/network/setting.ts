import type { Db } from '../../../db/connection'
import { DEFAULT_LAN_PORT } from '../../../../src-shared/contract/desks/network'
import { readSetting } from '../../settings/service'

export const LAN_LISTENER_KEY = 'network.lanListener'

/** The admin's choice: the shop server listens on the LAN only once turned on. */
export interface LanListenerSetting {
  on: boolean
  port: number
}

export async function readLanListenerSetting(db: Db): Promise<LanListenerSetting> {
  return {
    on: false,
    port: DEFAULT_LAN_PORT,
    ...(await readSetting<Partial<LanListenerSetting>>(db, LAN_LISTENER_KEY))
  }
}
