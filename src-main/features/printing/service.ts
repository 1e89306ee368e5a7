import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type OperationName, type ParsedInput } from '../../../src-shared/contract'
import { roleMayCall } from '../../../src-shared/contract/permissions'
import type { PrintSettings } from '../../../src-shared/contract/printing'
import { uuidv7 } from '../../../src-shared/domain/ids'
import {
  DOCUMENT_TYPES,
  defaultPaper,
  paperFits,
  printRoute,
  type DocumentType
} from '../../../src-shared/domain/paper'
import { recordAudit } from '../audit/record'
import { readDeskSetting, writeDeskSetting } from '../settings/deskSettings'
import type { PrintingPort } from './port'

const SETTINGS_KEY = 'printing.settings'

/**
 * One printer and paper per document type, for one desk (the receipt printer at the counter, the
 * label printer in the warehouse). A desk that saved none starts from the shop-wide settings
 * saved before desks existed; unset types print on their first paper, default printer.
 */
export async function readPrintSettings(db: Db, deskId: string): Promise<PrintSettings> {
  const saved = (await readDeskSetting<Partial<PrintSettings>>(db, deskId, SETTINGS_KEY)) ?? {}
  return Object.fromEntries(
    DOCUMENT_TYPES.map((type) => [type, saved[type] ?? { paper: defaultPaper(type), printerName: '', silent: false }])
  ) as PrintSettings
}

/** Saves the print settings of the desk the call came from; other desks keep theirs. */
export async function savePrintSettings(
  db: Db,
  deskId: string,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'printing.saveSettings'>
): Promise<PrintSettings> {
  await db.transaction().execute(async (trx) => {
    const before = await readPrintSettings(trx, deskId)
    const after = { ...before, ...input.settings }
    await writeDeskSetting(trx, deskId, SETTINGS_KEY, after, at, actor.id)
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'printing.saveSettings',
      entity: 'settings',
      entityId: `${deskId}:${SETTINGS_KEY}`,
      before,
      after
    })
  })
  return readPrintSettings(db, deskId)
}

export async function printCount(db: Db, input: ParsedInput<'printing.count'>): Promise<{ printNumber: number }> {
  const row = await db
    .selectFrom('printLog')
    .select((eb) => eb.fn.max<number>('printNumber').as('last'))
    .where('documentType', '=', input.documentType)
    .where('entityId', '=', input.entityId)
    .executeTakeFirst()
  return { printNumber: Number(row?.last ?? 0) }
}

/**
 * Counts a print (the first is the original, every later one a copy) and, in the desktop app,
 * sends it to the printer set for the document type.
 */
export async function printDocument(
  db: Db,
  deskId: string,
  port: PrintingPort | undefined,
  at: Date,
  actor: CurrentUser,
  token: string,
  input: ParsedInput<'printing.print'>
): Promise<{ mode: 'shell' | 'browser'; printNumber: number }> {
  if (!roleMayCall(actor.role, DOCUMENT_ACCESS[input.documentType])) throw new AppError('FORBIDDEN')
  const setting = (await readPrintSettings(db, deskId))[input.documentType]
  const paper = input.paper ?? setting.paper
  if (!paperFits(input.documentType, paper)) {
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: 'paper', messageKey: 'validation.paperDoesNotFit' }]
    })
  }
  await requireDocument(db, input.documentType, input.entityId)
  // In the desktop app the print goes out first: a print that failed must not turn the next one
  // into a "copy". It carries the number it will be counted under.
  const next = (await printCount(db, input)).printNumber + 1
  if (port) {
    await port.print({
      route: printRoute(input.documentType, input.entityId, paper, next),
      paper,
      printerName: setting.printerName,
      silent: setting.silent,
      token
    })
  }
  const printNumber = await db.transaction().execute(async (trx) => {
    const { printNumber: last } = await printCount(trx, input)
    const next = last + 1
    await trx
      .insertInto('printLog')
      .values({
        id: uuidv7(at.getTime()),
        documentType: input.documentType,
        entityId: input.entityId,
        printNumber: next,
        paper,
        printedBy: actor.id,
        printedAt: at.toISOString()
      })
      .execute()
    if (next > 1) {
      await recordAudit(trx, at, {
        actorId: actor.id,
        action: 'printing.reprint',
        entity: input.documentType,
        entityId: input.entityId,
        after: { printNumber: next, paper }
      })
    }
    return next
  })
  return { mode: port ? 'shell' : 'browser', printNumber }
}

/** Which operation a role needs to see each document's data. */
const DOCUMENT_ACCESS: Record<DocumentType, OperationName> = {
  claim_receipt: 'workOrders.pickup',
  device_label: 'printing.workOrderDocument',
  warranty_slip: 'printing.workOrderDocument',
  payment_receipt: 'checkout.get',
  day_close_report: 'dayClose.get',
  counter_receipt: 'counterSales.get',
  accessory_slip: 'warranty.accessoryRemedy',
  packing_list: 'faultyParts.packingList'
}

async function requireDocument(db: Db, documentType: DocumentType, entityId: string): Promise<void> {
  const tables = {
    payment_receipt: 'invoices',
    day_close_report: 'dayCloses',
    counter_receipt: 'counterSales',
    accessory_slip: 'warrantyAccessoryRemedies',
    packing_list: 'returnBatches'
  } as const
  const table = documentType in tables ? tables[documentType as keyof typeof tables] : 'workOrders'
  const row = await db.selectFrom(table).select('id').where('id', '=', entityId).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
}
