import type { Db } from '../../db/connection'
import { AppError, type ParsedInput } from '../../../src-shared/contract'
import { EXPORT_COLUMNS, type ExportList } from '../../../src-shared/contract/parts'
import { printableLine } from '../../../src-shared/domain/printableText'
import { listWorkbook, type WorkbookCell } from '../../files/listWorkbook'
import { formatShopDateTime, shopLocalDate } from '../../../src-shared/domain/timeZone'
import { readShopTimeZone } from '../settings/service'
import { listFaultyParts } from './faultyParts/faultyParts'
import { lowStock, partMovements, stockValuation } from './stockReports'
import { searchParts } from './partSearch'

type Cell = WorkbookCell
/** Money columns are written as yuan numbers, so Excel can sum them. */
const MONEY_COLUMNS = new Set(['averageCost', 'sellingPrice', 'suggestedValue', 'stockValue', 'unitCost', 'value'])
const yuan = (fen: number) => fen / 100
const ALL = 100_000

/** The rows of a list, keyed by the list's export columns. */
async function rowsOf(
  db: Db,
  now: Date,
  input: ParsedInput<'parts.export'>,
  timeZone: string,
  label: (key: string) => string
): Promise<Record<string, Cell>[]> {
  const at = (iso: string) => formatShopDateTime(iso, timeZone)
  switch (input.list) {
    case 'catalogue': {
      const page = await searchParts(db, { query: '', lowOnly: false, includeInactive: false, page: 1, pageSize: ALL })
      return page.rows.map((part) => ({
        partNumber: part.partNumber,
        name: part.name,
        unit: label(`unit.${part.unit}`),
        binLocation: part.binLocation,
        barcodes: part.barcodes.join(' '),
        onHand: part.onHand,
        averageCost: yuan(part.averageCostFen),
        sellingPrice: yuan(part.sellingPriceFen),
        reorderPoint: part.reorderPoint,
        reorderQuantity: part.reorderQuantity
      }))
    }
    case 'lowStock':
      return (await lowStock(db)).map((line) => ({
        partNumber: line.part.partNumber,
        name: line.part.name,
        binLocation: line.part.binLocation,
        onHand: line.part.onHand,
        reorderPoint: line.part.reorderPoint,
        requestedOpen: line.requestedOpen,
        suggestedQuantity: line.suggestedQuantity,
        averageCost: yuan(line.part.averageCostFen),
        suggestedValue: yuan(line.suggestedValueFen)
      }))
    case 'valuation':
      return (await stockValuation(db, { query: '' })).rows.map((line) => ({
        partNumber: line.part.partNumber,
        name: line.part.name,
        binLocation: line.part.binLocation,
        onHand: line.part.onHand,
        averageCost: yuan(line.part.averageCostFen),
        stockValue: yuan(line.stockValueFen)
      }))
    case 'movements': {
      if (!input.partId)
        throw new AppError('VALIDATION', 'errors.VALIDATION', {
          fields: [{ path: 'partId', messageKey: 'validation.required' }]
        })
      const page = await partMovements(db, { partId: input.partId, kind: null, page: 1, pageSize: ALL })
      return page.rows.map((movement) => ({
        at: at(movement.at),
        kind: label(`kind.${movement.kind}`),
        quantity: movement.quantity,
        balanceAfter: movement.balanceAfter,
        unitCost: yuan(movement.unitCostFen),
        value: yuan(movement.valueFen),
        workOrderNumber: movement.workOrderNumber ?? '',
        reference: movement.reference,
        reason: movement.reason,
        serial: movement.serial ?? '',
        actor: movement.actorName ?? ''
      }))
    }
    case 'faultyOwed':
      return (await listFaultyParts(db, now, { status: null, owedOnly: true })).map((item) => ({
        // A job's part names its work order; an accessory taken back at the counter, its PJ slip.
        workOrderNumber: item.workOrderNumber ?? item.slipNumber ?? '',
        partNumber: item.partNumber,
        name: item.partName,
        serial: item.serial ?? '',
        status: label(`status.${item.status}`),
        batchNumber: item.batchNumber ?? '',
        trackingNumber: item.trackingNumber ?? '',
        since: at(item.since),
        ageDays: item.ageDays
      }))
  }
}

/**
 * Any stock list as an Excel workbook. The data and its order come from the same queries the
 * screens use; the words (sheet title, column titles, coded values) come from the reader's UI.
 */
export async function exportList(
  db: Db,
  now: Date,
  input: ParsedInput<'parts.export'>
): Promise<{ fileName: string; base64: string }> {
  const timeZone = await readShopTimeZone(db)
  const label = (key: string) => input.labels[key] ?? key.slice(key.indexOf('.') + 1)
  const columns: readonly string[] = EXPORT_COLUMNS[input.list as ExportList]
  const rows = await rowsOf(db, now, input, timeZone, label)

  const title = printableLine(input.title)
  const buffer = await listWorkbook(
    title,
    columns.map((key) => ({ key, header: input.columns[key] ?? key, money: MONEY_COLUMNS.has(key) })),
    rows
  )
  return { fileName: `${title}-${shopLocalDate(now, timeZone)}.xlsx`, base64: buffer.toString('base64') }
}
