import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PrinterInfo, PrintSettings } from '../../../src-shared/contract'
import { call } from '../../api/client'

/** Which paper and printer each document goes to, and the printers this computer can reach. */
export const usePrintSettingsStore = defineStore('printSettings', () => {
  const settings = ref<PrintSettings>()
  /** Running in the desktop app, which can print straight to a printer (a browser cannot). */
  const shell = ref(false)
  const printers = ref<PrinterInfo[]>([])

  async function load(): Promise<void> {
    const [saved, reachable] = await Promise.all([call('printing.settings', {}), call('printing.printers', {})])
    settings.value = saved
    shell.value = reachable.shell
    printers.value = reachable.printers
  }

  async function save(edited: PrintSettings): Promise<void> {
    settings.value = await call('printing.saveSettings', { settings: edited })
  }

  return { settings, shell, printers, load, save }
})
