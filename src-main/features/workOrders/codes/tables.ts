import type { CodeList } from '../../../../src-shared/domain/repairTypes'
import type { VoidReason } from '../../../../src-shared/domain/warranty/facts'

export interface CodeEntriesTable {
  list: CodeList
  code: string
  label: string
  active: number
  sortOrder: number
  /** For fault locations: the warranty component it is (battery, compressor…), if any. */
  component: string | null
  /** For fault causes: the reason the warranty is void when a job is diagnosed with it; null: it is not. */
  voidsWarranty: VoidReason | null
}
