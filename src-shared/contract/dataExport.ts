import { z } from 'zod'
import { operation } from './operation'
import { id } from './common'

/** The languages an export's headers and README can be written in (the reader's UI language). */
export const exportLanguageSchema = z.enum(['zh-CN', 'en'])
export type ExportLanguage = z.infer<typeof exportLanguageSchema>

/** A file the main process made, carried as base64 for the renderer to save. */
export interface ExportedFile {
  fileName: string
  base64: string
}

export const dataExportContract = {
  /**
   * The whole shop as one zip of CSV files (one per table) with a README.txt: for a shop that
   * leaves, or an auditor. Never holds passwords, sessions, claim codes or device passcodes.
   */
  'dataExport.shop': operation<ExportedFile>()(z.object({ language: exportLanguageSchema }).strict()),
  /**
   * One customer's personal data (the person, phones, devices, jobs and their payments) as a zip
   * of CSV files, for a customer who asks for it under China's personal-information law. Audited.
   */
  'dataExport.customer': operation<ExportedFile>()(
    z.object({ customerId: id, language: exportLanguageSchema }).strict()
  )
}
