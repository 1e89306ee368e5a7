import type { Db } from '../../db/connection'
import type { CurrentUser, ParsedInput } from '../../../src-shared/contract'
import type { PrintSettings } from '../../../src-shared/contract/printing'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { DOCUMENT_TYPES, defaultPaper, printRoute } from '../../../src-shared/domain/paper'
import { recordAudit } from '../audit/record'
import type { PrintingPort } from './port'

const SETTINGS_KEY = 'printing.settings'

/** One printer and paper per document type; unset types print on their first paper, default printer. */
export async function readPrintSettings(db: Db): Promise<PrintSettings> {
  const row = await db.selectFrom('shopSettings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst()
  const saved = (row ? JSON.parse(row.value) : {}) as Partial<PrintSettings>
  return Object.fromEntries(
    DOCUMENT_TYPES.map((type) => [type, saved[type] ?? { paper: defaultPaper(type), printerName: '', silent: false }])
  ) as PrintSettings
}

export async function savePrintSettings(db: Db, at: Date, actor: CurrentUser, input: ParsedInput<'printing.saveSettings'>): Promise<PrintSettings> {
  await db.transaction().execute(async (trx) => {
    const before = await readPrintSettings(trx)
    const after = { ...before, ...input.settings }
    const row = { key: SETTINGS_KEY, value: JSON.stringify(after), updatedAt: at.toISOString(), updatedBy: actor.id }
    await trx
      .insertInto('shopSettings')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updatedAt: row.updatedAt, updatedBy: row.updatedBy }))
      .execute()
    await recordAudit(trx, at, { actorId: actor.id, action: 'printing.saveSettings', entity: 'settings', entityId: SETTINGS_KEY, before, after })
  })
  return readPrintSettings(db)
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
  port: PrintingPort | undefined,
  at: Date,
  actor: CurrentUser,
  token: string,
  input: ParsedInput<'printing.print'>
): Promise<{ mode: 'shell' | 'browser'; printNumber: number }> {
  const setting = (await readPrintSettings(db))[input.documentType]
  const paper = input.paper ?? setting.paper
  const printNumber = await db.transaction().execute(async (trx) => {
    const { printNumber: last } = await printCount(trx, input)
    const next = last + 1
    await trx
      .insertInto('printLog')
      .values({ id: uuidv7(at.getTime()), documentType: input.documentType, entityId: input.entityId, printNumber: next, paper, printedBy: actor.id, printedAt: at.toISOString() })
      .execute()
    if (next > 1) {
      await recordAudit(trx, at, { actorId: actor.id, action: 'printing.reprint', entity: input.documentType, entityId: input.entityId, after: { printNumber: next, paper } })
    }
    return next
  })
  if (!port) return { mode: 'browser', printNumber }
  await port.print({ route: printRoute(input.documentType, input.entityId, paper, printNumber), paper, printerName: setting.printerName, silent: setting.silent, token })
  return { mode: 'shell', printNumber }
}
