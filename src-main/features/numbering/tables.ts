export interface NumberSequencesTable {
  name: string
  /** The shop-local day (YYYY-MM-DD) the counter belongs to. */
  period: string
  lastValue: number
}

export interface NumberingTables {
  numberSequences: NumberSequencesTable
}
