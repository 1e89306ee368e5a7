import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { HqCertificate, SyncStatus } from '../../../src-shared/contract/sync'
import { call } from '../../api/client'

/** How often the page asks again while a sync runs (a long first pull shows its progress). */
const FOLLOW_MS = 1500

/** The shop's sync with HQ as the shop server reports it. */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null)
  let follow: ReturnType<typeof setTimeout> | undefined

  function keepFollowing(): void {
    if (follow) clearTimeout(follow)
    follow = status.value?.running ? setTimeout(() => void load(), FOLLOW_MS) : undefined
  }

  async function load(): Promise<void> {
    status.value = await call('sync.status', {})
    keepFollowing()
  }

  async function syncNow(): Promise<void> {
    status.value = await call('sync.now', {})
    keepFollowing()
  }

  /** HQ has put its side right: the held change goes again, and the sync starts. */
  async function sendAgain(changeId: string): Promise<void> {
    status.value = await call('sync.sendAgain', { changeId })
    keepFollowing()
  }

  const readCertificate = (hqUrl: string): Promise<HqCertificate> => call('sync.readCertificate', { hqUrl })

  async function enrol(input: { hqUrl: string; fingerprint: string; code: string }): Promise<SyncStatus> {
    status.value = await call('sync.enrol', input)
    return status.value
  }

  function stopFollowing(): void {
    if (follow) clearTimeout(follow)
    follow = undefined
  }

  return { status, load, syncNow, sendAgain, readCertificate, enrol, stopFollowing }
})
