import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ExportedFile } from '../../../src-shared/contract/dataExport'
import { call } from '../../api/client'
import { i18n } from '../../i18n'
import { saveBase64File } from '../../ui/download'

const ZIP_TYPE = 'application/zip'

/** The shop's data leaving the app as a zip of CSV files, written in the reader's language. */
export const useDataExportStore = defineStore('dataExport', () => {
  const exporting = ref(false)

  async function save(making: () => Promise<ExportedFile>): Promise<string | null> {
    if (exporting.value) return null
    exporting.value = true
    try {
      const file = await making()
      saveBase64File(file.fileName, file.base64, ZIP_TYPE)
      return file.fileName
    } finally {
      exporting.value = false
    }
  }

  const language = () => i18n.global.locale.value

  /** The whole shop (admin). Resolves to the saved file's name. */
  function exportShop(): Promise<string | null> {
    return save(() => call('dataExport.shop', { language: language() }))
  }

  /** One customer's personal data (manager). */
  function exportCustomer(customerId: string): Promise<string | null> {
    return save(() => call('dataExport.customer', { customerId, language: language() }))
  }

  return { exporting, exportShop, exportCustomer }
})
