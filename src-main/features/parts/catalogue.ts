import type { Db } from '../../db/connection'
import {
  AppError,
  fieldError,
  type CurrentUser,
  type FieldIssue,
  type Part,
  type ParsedInput
} from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { refuseEditOfOlderVersion } from '../sync/changedElsewhere'
import { recordSyncedChange } from '../sync/recordChange'
import { isHqCataloguePart, refuseHqOwnedEdit } from '../sync/hq/ownership'
import { loadPart } from './records'
import { partSearchText } from './searchText'

type PartFields = ParsedInput<'parts.update'>['fields']

/** A scanned code: one of a part's barcodes, or its part number. */
export async function findPartByCode(db: Db, code: string): Promise<Part> {
  const byBarcode = await db.selectFrom('partBarcodes').select('partId').where('barcode', '=', code).executeTakeFirst()
  const id =
    byBarcode?.partId ??
    (await db.selectFrom('parts').select('id').where('partNumber', '=', code).executeTakeFirst())?.id
  if (!id) throw new AppError('NOT_FOUND', 'errors.partCodeUnknown', { code })
  return loadPart(db, id)
}

export async function createPart(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'parts.create'>
): Promise<Part> {
  const id = uuidv7(at.getTime())
  const { costPriceFen, ...fields } = input
  refuseUnconfirmedZeroPrice(fields, '')
  await db.transaction().execute(async (trx) => {
    await requireFreeNumberAndCodes(trx, fields, null, '')
    const nowIso = at.toISOString()
    await trx
      .insertInto('parts')
      .values({
        id,
        ...partColumns(fields),
        averageCostFen: costPriceFen,
        onHand: 0,
        stockValueFen: 0,
        searchText: '',
        createdAt: nowIso,
        updatedAt: nowIso,
        editedAt: nowIso
      })
      .execute()
    await writeCodesAndModels(trx, id, fields)
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: 'parts.create',
      entity: 'part',
      entityId: id,
      after: await loadPart(trx, id)
    })
  })
  return loadPart(db, id)
}

export async function updatePart(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'parts.update'>
): Promise<Part> {
  await db.transaction().execute(async (trx) => {
    const before = await loadPart(trx, input.id)
    // Checked against the catalogue record's own version: stock moved since refuses nothing.
    refuseEditOfOlderVersion(before.editedAt, input.expectedEditedAt)
    if (await isHqCataloguePart(trx, before.partNumber)) {
      const fields = input.fields
      const hqFieldsChanged =
        fields.partNumber.toLowerCase() !== before.partNumber.toLowerCase() ||
        fields.name !== before.name ||
        fields.description !== before.description ||
        fields.unit !== before.unit ||
        fields.serialTracked !== before.serialTracked ||
        fields.returnFaulty !== before.returnFaulty
      if (hqFieldsChanged) refuseHqOwnedEdit()
    }
    // Confirmed when the price was set to ¥0; later edits of a free part need not ask again.
    if (before.sellingPriceFen !== 0) refuseUnconfirmedZeroPrice(input.fields, 'fields.')
    await requireFreeNumberAndCodes(trx, input.fields, input.id, 'fields.')
    await trx
      .updateTable('parts')
      .set({ ...partColumns(input.fields), updatedAt: at.toISOString(), editedAt: at.toISOString() })
      .where('id', '=', input.id)
      .execute()
    await trx.deleteFrom('partBarcodes').where('partId', '=', input.id).execute()
    await trx.deleteFrom('partModels').where('partId', '=', input.id).execute()
    await writeCodesAndModels(trx, input.id, input.fields)
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: 'parts.update',
      entity: 'part',
      entityId: input.id,
      before,
      after: await loadPart(trx, input.id)
    })
  })
  return loadPart(db, input.id)
}

/** A part sold at ¥0 is given away: never by a price left at zero, only when the person confirms it. */
function refuseUnconfirmedZeroPrice(fields: PartFields, pathPrefix: '' | 'fields.'): void {
  if (fields.sellingPriceFen === 0 && !fields.zeroPriceConfirmed) {
    throw fieldError(`${pathPrefix}sellingPriceFen`, 'validation.zeroPriceUnconfirmed')
  }
}

function partColumns(fields: PartFields) {
  return {
    partNumber: fields.partNumber,
    name: fields.name,
    description: fields.description,
    unit: fields.unit,
    binLocation: fields.binLocation,
    sellingPriceFen: fields.sellingPriceFen,
    reorderPoint: fields.reorderPoint,
    reorderQuantity: fields.reorderQuantity,
    serialTracked: fields.serialTracked ? 1 : 0,
    returnFaulty: fields.returnFaulty ? 1 : 0,
    active: fields.active ? 1 : 0
  }
}

/** A part number or barcode names one part only: a scan must never be ambiguous. */
async function requireFreeNumberAndCodes(
  trx: Db,
  fields: PartFields,
  selfId: string | null,
  pathPrefix: '' | 'fields.'
): Promise<void> {
  const issues: FieldIssue[] = []
  const sameNumber = await trx
    .selectFrom('parts')
    .select(['id'])
    .where('partNumber', '=', fields.partNumber)
    .executeTakeFirst()
  if (sameNumber && sameNumber.id !== selfId)
    issues.push({ path: 'partNumber', messageKey: 'validation.partNumberTaken' })
  // A scan looks barcodes up first: a part number that is another part's barcode could never be scanned.
  const numberAsBarcode = await trx
    .selectFrom('partBarcodes')
    .innerJoin('parts', 'parts.id', 'partBarcodes.partId')
    .select(['parts.id', 'parts.partNumber'])
    .where('partBarcodes.barcode', '=', fields.partNumber)
    .executeTakeFirst()
  if (numberAsBarcode && numberAsBarcode.id !== selfId) {
    issues.push({
      path: 'partNumber',
      messageKey: 'validation.partNumberIsBarcode',
      params: { partNumber: numberAsBarcode.partNumber }
    })
  }
  const seen = new Set<string>()
  for (const [index, barcode] of fields.barcodes.entries()) {
    const key = barcode.toLowerCase()
    if (seen.has(key))
      issues.push({ path: `barcodes.${index}`, messageKey: 'validation.barcodeRepeated', params: { barcode } })
    seen.add(key)
    const holder = await trx
      .selectFrom('partBarcodes')
      .innerJoin('parts', 'parts.id', 'partBarcodes.partId')
      .select(['parts.id', 'parts.partNumber'])
      .where('partBarcodes.barcode', '=', barcode)
      .executeTakeFirst()
    if (holder && holder.id !== selfId)
      issues.push({
        path: `barcodes.${index}`,
        messageKey: 'validation.barcodeTaken',
        params: { barcode, partNumber: holder.partNumber }
      })
    const numberHolder = await trx
      .selectFrom('parts')
      .select(['id', 'partNumber'])
      .where('partNumber', '=', barcode)
      .executeTakeFirst()
    if (numberHolder && numberHolder.id !== selfId)
      issues.push({
        path: `barcodes.${index}`,
        messageKey: 'validation.barcodeTaken',
        params: { barcode, partNumber: numberHolder.partNumber }
      })
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: issues.map((issue) => ({ ...issue, path: `${pathPrefix}${issue.path}` }))
    })
  }
}

async function writeCodesAndModels(trx: Db, partId: string, fields: PartFields): Promise<void> {
  if (fields.barcodes.length > 0)
    await trx
      .insertInto('partBarcodes')
      .values(fields.barcodes.map((barcode) => ({ barcode, partId })))
      .execute()
  const modelIds = [...new Set(fields.compatibleModelIds)]
  const models =
    modelIds.length === 0
      ? []
      : await trx.selectFrom('productModels').select(['id', 'brand', 'model']).where('id', 'in', modelIds).execute()
  if (models.length !== modelIds.length) {
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: 'compatibleModelIds', messageKey: 'validation.unknownModel' }]
    })
  }
  if (models.length > 0)
    await trx
      .insertInto('partModels')
      .values(models.map((model) => ({ partId, modelId: model.id })))
      .execute()
  await trx
    .updateTable('parts')
    .set({
      searchText: partSearchText({
        partNumber: fields.partNumber,
        name: fields.name,
        barcodes: fields.barcodes,
        models
      })
    })
    .where('id', '=', partId)
    .execute()
}
