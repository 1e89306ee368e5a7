import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ShopSettings } from '../../../src-shared/contract'
import { call } from '../../api/client'
import { useSessionStore } from '../auth/sessionStore'

/** The shop's settings as the admin edits them; saving also refreshes the shell's header. */
export const useShopSettingsStore = defineStore('shopSettings', () => {
  const session = useSessionStore()
  const settings = ref<ShopSettings>()

  async function load(): Promise<void> {
    settings.value = await call('settings.get', {})
  }

  async function save(next: ShopSettings): Promise<void> {
    const saved = await call('settings.update', next)
    settings.value = saved
    const { name, logo, timeZone } = saved.profile
    session.updateShop({ name, logo, timeZone }, saved.idleLockMinutes)
  }

  return { settings, load, save }
})
