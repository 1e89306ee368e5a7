import type { SettlementStatement } from '../contractOutputs'

const yuan = (fen: number) => fen / 100
const MONEY = '#,##0.00'

/**
 * The statement as an Excel workbook (base64), one sheet: the claims, the credited returns, the
 * totals. Headings are bilingual so either side of the settlement can read it.
 */
export async function settlementWorkbook(statement: SettlementStatement): Promise<string> {
  // Loaded when first needed: it takes half a second to load, and most starts never write a workbook.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(statement.month)
  sheet.addRow([`结算单 Settlement statement`, statement.shop.name, statement.month]).font = { bold: true }
  sheet.addRow([])
  sheet.addRow([
    '工单 Work order',
    '序列号 Serial',
    '型号 Model',
    '审批 Approved',
    '申请 Claimed',
    '工时 Labour',
    '配件 Parts',
    '合计 Total'
  ]).font = { bold: true }
  for (const claim of statement.claims) {
    sheet.addRow([
      claim.workOrderNumber,
      claim.serial,
      claim.model,
      claim.decidedAt.slice(0, 10),
      yuan(claim.claimedFen),
      yuan(claim.labourFen),
      yuan(claim.partsFen),
      yuan(claim.approvedFen)
    ])
  }
  sheet.addRow([])
  sheet.addRow([
    '旧件批次 Return batch',
    '入账凭证 Credit reference',
    '入账日期 Credited',
    '',
    '',
    '',
    '',
    '金额 Amount'
  ]).font = {
    bold: true
  }
  for (const batch of statement.returns) {
    sheet.addRow([
      batch.number,
      batch.creditReference,
      batch.creditedAt.slice(0, 10),
      '',
      '',
      '',
      '',
      yuan(batch.creditedFen)
    ])
  }
  sheet.addRow([])
  const { totals } = statement
  sheet.addRow(['申请合计 Claimed', '', '', '', yuan(totals.claimedFen)])
  sheet.addRow(['工时合计 Labour', '', '', '', '', yuan(totals.labourFen)])
  sheet.addRow(['配件合计 Parts', '', '', '', '', '', yuan(totals.partsFen)])
  sheet.addRow(['旧件合计 Returns', '', '', '', '', '', '', yuan(totals.returnsFen)])
  sheet.addRow(['应付合计 Total', '', '', '', '', '', '', yuan(totals.totalFen)]).font = { bold: true }
  for (const column of [5, 6, 7, 8]) sheet.getColumn(column).numFmt = MONEY
  sheet.columns.forEach((column) => (column.width = 18))
  const buffer = await workbook.xlsx.writeBuffer()
  return Buffer.from(buffer).toString('base64')
}
