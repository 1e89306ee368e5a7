import type { Db } from '../../../db/connection'
import type { ParsedInput } from '../../../../src-shared/contract'
import { CLAIM_SHEET_COLUMNS, type WarrantyClaimRow } from '../../../../src-shared/contract/checkout'
import { printableLine } from '../../../../src-shared/domain/printableText'
import { listWorkbook } from '../../../files/listWorkbook'
import { formatShopDateTime, shopLocalDate } from '../../../../src-shared/domain/timeZone'
import { readShopProfile, readShopTimeZone } from '../../settings/service'
import { isEnrolled } from '../../sync/hq/ownership'
import { claimEvidenceOf } from './evidence'
import { claimDaysFilter, readClaimRows } from './list'

type ClaimSheetColumn = (typeof CLAIM_SHEET_COLUMNS)[number]
type Cell = string | number
/** Money columns are written as yuan numbers, so Excel (and the brand) can sum them. */
const MONEY_COLUMNS = new Set<ClaimSheetColumn>(['labourFen', 'partsFen', 'otherFen', 'amountFen'])
const yuan = (fen: number) => fen / 100
const ALL = 1_000_000

/** A claim's line as the checkout or the credit note stored it. */
interface StoredLine {
  kind?: string
  description?: string
  quantity?: number
  amountFen?: number
}

/**
 * The claims made on these days as the sheet a shop sends the brand, oldest first: for each, the
 * job and receipt, the unit, the fault as coded, the parts and what the claim comes to by kind,
 * and where it stands. The claims and their order are the claims list's own; the words (title,
 * column titles, statuses, components, the totals row) come from the reader's UI.
 */
export async function exportClaimSheet(
  db: Db,
  now: Date,
  input: ParsedInput<'checkout.exportClaims'>
): Promise<{ fileName: string; base64: string }> {
  const timeZone = await readShopTimeZone(db)
  const enrolled = await isEnrolled(db)
  const filter = { ...(input.status ? { status: input.status } : {}), ...(await claimDaysFilter(db, input)) }
  const claims = (await readClaimRows(db, filter, enrolled, { limit: ALL, offset: 0 })).reverse()
  const lines = await storedLinesOf(
    db,
    claims.map((claim) => claim.id)
  )
  const evidence = await claimEvidenceOf(db, [...new Set(claims.map((claim) => claim.workOrderId))])
  const label = (key: string) => input.labels[key] ?? key.slice(key.indexOf('.') + 1)
  const rows = claims.map((claim): Record<ClaimSheetColumn, Cell> => {
    const unit = evidence.get(claim.workOrderId)
    const own = lines.get(claim.id) ?? []
    const sumOf = (kinds: readonly string[]) =>
      own.filter((line) => kinds.includes(line.kind ?? '')).reduce((sum, line) => sum + (line.amountFen ?? 0), 0)
    return {
      workOrderNumber: claim.workOrderNumber,
      invoiceNumber: claim.invoiceNumber,
      claimedAt: formatShopDateTime(claim.createdAt, timeZone),
      brand: unit?.brand ?? '',
      model: unit?.model ?? '',
      serial: unit?.serial ?? '',
      faultCode: unit?.faultCode ?? '',
      faultLocationCode: unit?.faultLocationCode ?? '',
      // The component in the sheet's words ('main_board' → 主板); one the shop typed itself stays as typed.
      component: unit?.component ? label(`component.${unit.component}`) : '',
      parts: own
        .filter((line) => line.kind === 'part')
        .map((line) => (line.quantity ? `${line.description ?? ''} ×${line.quantity}` : (line.description ?? '')))
        .join(input.labels.partsSeparator ?? '; '),
      labourFen: yuan(sumOf(['labour'])),
      partsFen: yuan(sumOf(['part'])),
      otherFen: yuan(sumOf(['charge'])),
      amountFen: yuan(claim.amountFen),
      status: label(`status.${claim.status}`),
      shopRecord: recordOf(claim, label)
    }
  })
  // The brand receives sheets from many shops, one a period: the file names the shop and the days.
  const shop = (await readShopProfile(db))?.name ?? ''
  const days = input.from || input.to ? `${input.from ?? ''}_${input.to ?? ''}` : shopLocalDate(now, timeZone)
  return writeSheet(input, rows, label('total'), [shop, days].filter(Boolean).join('-'))
}

/** What the shop recorded of the brand's answer (or HQ's decision), as one cell. */
function recordOf(claim: WarrantyClaimRow, label: (key: string) => string): string {
  const step = claim.lastStep
  const paid =
    step && step.paidFen !== null ? `${label('paid')} ${yuan(step.paidFen).toFixed(2)} ${step.note}`.trim() : ''
  // HQ's word, and what the brand paid once HQ sent it (then the claim's paid step).
  if (claim.decision) return [claim.decision.reason, paid].filter(Boolean).join(' ')
  return paid || (step?.note.trim() ?? '')
}

async function storedLinesOf(db: Db, claimIds: readonly string[]): Promise<Map<string, StoredLine[]>> {
  const lines = new Map<string, StoredLine[]>()
  for (let start = 0; start < claimIds.length; start += 500) {
    const rows = await db
      .selectFrom('warrantyClaims')
      .select(['id', 'linesJson'])
      .where('id', 'in', claimIds.slice(start, start + 500))
      .execute()
    for (const row of rows) lines.set(row.id, JSON.parse(row.linesJson) as StoredLine[])
  }
  return lines
}

async function writeSheet(
  input: ParsedInput<'checkout.exportClaims'>,
  rows: Record<ClaimSheetColumn, Cell>[],
  totalLabel: string,
  /** What the file name says after the title: the shop and the claims' days. */
  whoseAndWhen: string
): Promise<{ fileName: string; base64: string }> {
  const title = printableLine(input.title)
  const columns = CLAIM_SHEET_COLUMNS.map((key) => ({
    key,
    header: input.columns[key] ?? key,
    money: MONEY_COLUMNS.has(key),
    ...(key === 'parts' || key === 'shopRecord' ? { width: 40 } : {})
  }))
  // The brand checks the sheet against its sum: the money columns' totals, as numbers.
  const totals: Record<string, Cell> = { workOrderNumber: totalLabel }
  for (const key of MONEY_COLUMNS) {
    totals[key] = Math.round(rows.reduce((sum, row) => sum + Number(row[key]) * 100, 0)) / 100
  }
  const buffer = await listWorkbook(title, columns, rows, rows.length > 0 ? totals : undefined, 'landscape')
  const fileName = `${title}-${whoseAndWhen}`.replace(/[\\/:*?"<>|]/g, ' ')
  return { fileName: `${fileName}.xlsx`, base64: buffer.toString('base64') }
}
