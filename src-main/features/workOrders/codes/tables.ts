import type { CodeList } from '../../../../src-shared/domain/repairTypes'

export interface CodeEntriesTable {
  list: CodeList
  code: string
  label: string
  active: number
  sortOrder: number
  /** For fault locations: the warranty component it is (battery, compressor…), if any. */
  component: string | null
}
