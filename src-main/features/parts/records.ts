import type { Db } from '../../db/connection'
import { reusableQuery } from '../../db/reusableQuery'
import { AppError, type Part, type PartSummary } from '../../../src-shared/contract'
import { isLowStock, type PartUnit } from '../../../src-shared/domain/stock'
import type { PartsTable } from './tables'

/** A catalogue row as the contract shows it; barcodes are looked up by the caller in one go. */
export function toPartSummary(row: PartsTable, barcodes: string[]): PartSummary {
  return {
    id: row.id,
    partNumber: row.partNumber,
    name: row.name,
    unit: row.unit as PartUnit,
    binLocation: row.binLocation,
    barcodes,
    onHand: row.onHand,
    averageCostFen: row.averageCostFen,
    sellingPriceFen: row.sellingPriceFen,
    reorderPoint: row.reorderPoint,
    reorderQuantity: row.reorderQuantity,
    serialTracked: row.serialTracked === 1,
    returnFaulty: row.returnFaulty === 1,
    active: row.active === 1,
    low: row.active === 1 && isLowStock(row.onHand, row.reorderPoint)
  }
}

/** Part ids per query, well within SQLite's limit on bound variables. */
const IDS_PER_QUERY = 500

/** Barcodes of any number of parts, keyed by part. */
export async function barcodesOf(db: Db, partIds: string[]): Promise<Map<string, string[]>> {
  const byPart = new Map<string, string[]>()
  for (let start = 0; start < partIds.length; start += IDS_PER_QUERY) {
    const chunk = partIds.slice(start, start + IDS_PER_QUERY)
    const rows = await db
      .selectFrom('partBarcodes')
      .select(['partId', 'barcode'])
      .where('partId', 'in', chunk)
      .orderBy('barcode')
      .execute()
    groupByPart(rows, byPart)
  }
  return byPart
}

/** Adds barcode rows to their part's list, in the rows' order. */
function groupByPart(rows: { partId: string; barcode: string }[], byPart: Map<string, string[]>): void {
  for (const row of rows) {
    const known = byPart.get(row.partId)
    if (known) known.push(row.barcode)
    else byPart.set(row.partId, [row.barcode])
  }
}

/** Barcodes of the parts a job has open requests for, keyed by part: the same as barcodesOf those parts. */
export async function openRequestBarcodes(db: Db, workOrderId: string): Promise<Map<string, string[]>> {
  const byPart = new Map<string, string[]>()
  groupByPart(await openRequestBarcodeRows.all(db, workOrderId), byPart)
  return byPart
}

// Read after every issue (one job's queue rows): compiled once, one statement whatever the count.
const openRequestBarcodeRows = reusableQuery(1, (db: Db, workOrderId: string) =>
  db
    .selectFrom('partBarcodes')
    .select(['partId', 'barcode'])
    .where('partId', 'in', (eb) =>
      eb
        .selectFrom('workOrderPartRequests')
        .select('partId')
        .where('workOrderId', '=', workOrderId)
        .where('status', '=', 'open')
    )
    .orderBy('barcode')
)

/** Part rows as summaries, keeping their order. */
export async function toPartSummaries(db: Db, rows: PartsTable[]): Promise<PartSummary[]> {
  const barcodes = await barcodesOf(
    db,
    rows.map((row) => row.id)
  )
  return rows.map((row) => toPartSummary(row, barcodes.get(row.id) ?? []))
}

// Read by every issue and movement of a part: compiled once (db/reusableQuery.ts).
const partRow = reusableQuery(1, (db: Db, id: string) => db.selectFrom('parts').selectAll().where('id', '=', id))

export async function findPartRow(db: Db, id: string): Promise<PartsTable> {
  const row = await partRow.first(db, id)
  if (!row) throw new AppError('NOT_FOUND', 'errors.partNotFound')
  return row
}

export async function loadPart(db: Db, id: string): Promise<Part> {
  const row = await findPartRow(db, id)
  const [summary] = await toPartSummaries(db, [row])
  const compatibleModels = await db
    .selectFrom('partModels')
    .innerJoin('productModels', 'productModels.id', 'partModels.modelId')
    .select(['productModels.id', 'productModels.brand', 'productModels.model', 'productModels.categoryKey'])
    .where('partModels.partId', '=', id)
    .orderBy('productModels.brand')
    .orderBy('productModels.model')
    .execute()
  return {
    ...summary!,
    description: row.description,
    stockValueFen: row.stockValueFen,
    compatibleModels,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    editedAt: row.editedAt
  }
}
