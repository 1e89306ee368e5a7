import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DeskSummary, PairingCode } from '../../../src-shared/contract/desks'
import type { NetworkStatus } from '../../../src-shared/contract/desks/network'
import { call } from '../../api/client'

/** The shop network as an admin manages it: the LAN listener, pairing codes and the paired desks. */
export const useDesksAdminStore = defineStore('desksAdmin', () => {
  const network = ref<NetworkStatus | null>(null)
  const desks = ref<DeskSummary[]>([])
  const pairingCode = ref<PairingCode | null>(null)

  async function load(): Promise<void> {
    const [status, list] = await Promise.all([call('network.status', {}), call('desks.list', {})])
    network.value = status
    desks.value = list
  }

  async function setLanListening(on: boolean): Promise<void> {
    network.value = await call('network.setLanListening', { on })
  }

  async function newPairingCode(): Promise<void> {
    pairingCode.value = await call('desks.pairingCode', {})
  }

  async function rename(deskId: string, name: string): Promise<void> {
    await call('desks.rename', { deskId, name })
    desks.value = await call('desks.list', {})
  }

  async function revoke(deskId: string): Promise<void> {
    await call('desks.revoke', { deskId })
    desks.value = await call('desks.list', {})
  }

  return { network, desks, pairingCode, load, setLanListening, newPairingCode, rename, revoke }
})
