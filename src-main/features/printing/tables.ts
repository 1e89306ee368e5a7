export interface PrintLogTable {
  id: string
  documentType: string
  entityId: string
  printNumber: number
  paper: string
  printedBy: string | null
  printedAt: string
}

export interface PrintingTables {
  printLog: PrintLogTable
}
