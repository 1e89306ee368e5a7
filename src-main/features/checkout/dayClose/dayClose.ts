import type { Db } from '../../../db/connection'
import { AppError, fieldError, type CurrentUser, type ParsedInput } from '../../../../src-shared/contract'
import type {
  DayClosePreview,
  DayCloseReport,
  DayCloseSummary,
  ReEnteredPayment,
  UnpaidHandOver
} from '../../../../src-shared/contract/checkout/dayClose'
import type { Payment } from '../../../../src-shared/contract/checkout'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { differenceNeedsNote, nothingToClose } from '../../../../src-shared/domain/dayClose'
import { PAYMENT_METHODS } from '../../../../src-shared/domain/invoice'
import { recordSyncedChange } from '../../sync/recordChange'
import { nextDocumentNumber } from '../../numbering/service'
import { readShopTimeZone } from '../../settings/service'
import { paymentsQuery } from '../invoices'
import { countedHere, documentsOfReEntries, openReEnteredPayments, reEnteredCash, withTheirPayments } from './reEntered'

type Figures = Omit<
  DayCloseReport,
  'id' | 'number' | 'countedCashFen' | 'differenceFen' | 'note' | 'closedAt' | 'closedByName' | 'unpaidHandOvers'
>
type Document = {
  id: string
  kind: 'invoice' | 'credit_note'
  depositAppliedFen: number
  brandFen: number
  shopFen: number
}

/**
 * The takings of a set of payments, and the documents issued in the same period. Money a kept
 * close counted before a restore and re-entered since (`reEntered`) is listed, not counted again.
 */
export function dayCloseFigures(
  payments: Payment[],
  documents: Document[],
  periodStart: string | null,
  periodEnd: string,
  counterSales: { sales: number; refunds: number } = { sales: 0, refunds: 0 },
  reEntered: ReEnteredPayment[] = []
): Figures {
  const counted = countedHere(payments, reEntered)
  const sum = (rows: Payment[]) => rows.reduce((total, row) => total + row.amountFen, 0)
  const ofKind = (kind: Payment['kind']) => counted.filter((payment) => payment.kind === kind)
  const byMethod = PAYMENT_METHODS.map((method) => {
    const rows = counted.filter((payment) => payment.method === method)
    return { method, amountFen: sum(rows), count: rows.length }
  }).filter((row) => row.count > 0)
  const cashiers = new Map<
    string,
    { cashierId: string | null; cashierName: string | null; amountFen: number; count: number }
  >()
  for (const payment of counted) {
    const key = payment.cashierId ?? ''
    const entry = cashiers.get(key) ?? {
      cashierId: payment.cashierId,
      cashierName: payment.cashierName,
      amountFen: 0,
      count: 0
    }
    entry.amountFen += payment.amountFen
    entry.count += 1
    cashiers.set(key, entry)
  }
  return {
    periodStart,
    periodEnd,
    byMethod,
    byCashier: [...cashiers.values()].sort((a, b) => (a.cashierName ?? '').localeCompare(b.cashierName ?? '')),
    takingsFen: sum(counted),
    depositsTakenFen: sum(ofKind('deposit')),
    depositsAppliedFen: documents.reduce((total, document) => total + document.depositAppliedFen, 0),
    depositsReturnedFen: 0 - sum(ofKind('deposit_return')),
    refundsFen: 0 - sum(ofKind('refund')),
    invoices: documents.filter((document) => document.kind === 'invoice').length,
    creditNotes: documents.filter((document) => document.kind === 'credit_note').length,
    counterSales: counterSales.sales,
    counterSaleRefunds: counterSales.refunds,
    warrantyClaimsFen: documents.reduce((total, document) => total + document.brandFen, 0),
    shopWarrantyFen: documents.reduce((total, document) => total + document.shopFen, 0),
    expectedCashFen: sum(counted.filter((payment) => payment.method === 'cash')),
    reEnteredCashFen: reEnteredCash(reEntered),
    payments,
    reEntered
  }
}

async function lastClose(db: Db) {
  return db.selectFrom('dayCloses').select(['closedAt']).orderBy('closedAt', 'desc').limit(1).executeTakeFirst()
}

/**
 * Devices a manager let go unpaid that no close has counted yet, each with its id. Counted by
 * which close took them, not by time: one stamped before the last close but written after it is
 * still counted, once, by the next.
 */
async function openUnpaidHandOvers(db: Db): Promise<(UnpaidHandOver & { id: string })[]> {
  return db
    .selectFrom('unpaidHandOvers as u')
    .innerJoin('workOrders as w', 'w.id', 'u.workOrderId')
    .leftJoin('users as approver', 'approver.id', 'u.approvedBy')
    .leftJoin('users as counter', 'counter.id', 'u.handedOverBy')
    .select([
      'u.id',
      'u.workOrderId',
      'w.number as workOrderNumber',
      'u.linesFen',
      'u.depositHeldFen',
      'u.reason',
      'approver.displayName as approvedByName',
      'counter.displayName as handedOverByName',
      'u.at'
    ])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('dayCloseHandOvers as counted')
            .select('counted.unpaidHandOverId')
            .whereRef('counted.unpaidHandOverId', '=', 'u.id')
        )
      )
    )
    .orderBy('u.at')
    .execute()
}

/** What no close has counted yet: its payments and its invoices and credit notes. */
async function openFigures(
  db: Db,
  now: Date
): Promise<Figures & { documents: Document[]; unpaidHandOvers: UnpaidHandOver[]; unpaidHandOverIds: string[] }> {
  const previous = await lastClose(db)
  const handOvers = await openUnpaidHandOvers(db)
  const payments = await paymentsQuery(db).where('pay.dayCloseId', 'is', null).orderBy('pay.at').execute()
  const documents = await db
    .selectFrom('invoices')
    .select(['id', 'kind', 'depositAppliedFen', 'brandFen', 'shopFen'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('dayCloseDocuments')
            .select('invoiceId')
            .whereRef('dayCloseDocuments.invoiceId', '=', 'invoices.id')
        )
      )
    )
    .execute()
  const periodStart = previous?.closedAt ?? payments[0]?.at ?? null
  const reEntered = await openReEnteredPayments(db)
  const countedHereIds = new Set(countedHere(payments, reEntered).map((payment) => payment.id))
  const counterSales = await openCounterSales(
    db,
    payments.filter((payment) => !countedHereIds.has(payment.id)).map((payment) => payment.id)
  )
  const reEnteredDocuments = documentsOfReEntries(payments, reEntered)
  const countedDocuments = documents.filter((document) => !reEnteredDocuments.has(document.id))
  return {
    ...dayCloseFigures(payments, countedDocuments, periodStart, now.toISOString(), counterSales, reEntered),
    // All are locked into the close, the re-entries' too: no later close counts them either.
    documents,
    unpaidHandOvers: handOvers.map(({ id: _id, ...handOver }) => handOver),
    unpaidHandOverIds: handOvers.map((handOver) => handOver.id)
  }
}

/**
 * The counter sales and refunds whose money no close has counted yet (each is paid as it is
 * written, so its payments say which close it falls in). A refund re-entered after a restore whose
 * money a kept close counted whole (`countedBefore`, its payments) was counted there, and is not here.
 */
async function openCounterSales(db: Db, countedBefore: string[]): Promise<{ sales: number; refunds: number }> {
  const rows = await db
    .selectFrom('counterSales')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('id', 'in', (eb) => {
      const open = eb
        .selectFrom('payments')
        .select((inner) => inner.fn.coalesce('counterSaleId', inner.val('')).as('counterSaleId'))
        .where('dayCloseId', 'is', null)
      return countedBefore.length === 0 ? open : open.where('id', 'not in', countedBefore)
    })
    .groupBy('kind')
    .execute()
  const count = (kind: 'sale' | 'refund') => Number(rows.find((row) => row.kind === kind)?.count ?? 0)
  return { sales: count('sale'), refunds: count('refund') }
}

/** How many records the open period holds, as the rule for an empty close counts them. */
function periodCounts(figures: { payments: unknown[]; documents: unknown[]; unpaidHandOvers: unknown[] }) {
  return {
    payments: figures.payments.length,
    documents: figures.documents.length,
    unpaidHandOvers: figures.unpaidHandOvers.length
  }
}

export async function previewDayClose(db: Db, now: Date): Promise<DayClosePreview> {
  const { documents, unpaidHandOverIds: _ids, ...figures } = await openFigures(db, now)
  return {
    ...figures,
    nothingToClose: nothingToClose(periodCounts({ ...figures, documents })),
    id: null,
    number: null,
    countedCashFen: null,
    differenceFen: null,
    note: '',
    closedAt: null,
    closedByName: null
  }
}

/** Closes the period: the report is frozen and its payments are locked into it. */
export async function closeDay(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'dayClose.close'>
): Promise<DayCloseReport> {
  const timeZone = await readShopTimeZone(db)
  const id = uuidv7(at.getTime())
  await db.transaction().execute(async (trx) => {
    const figures = await openFigures(trx, at)
    // An empty report is no close. The check sits in the close's own transaction, which holds the
    // write lock from its first statement: of two closes at the same moment the second only reads
    // once the first has committed, finds nothing left, and is refused rather than answered with
    // the first one's report, whose counted cash and note are not what its cashier entered.
    if (nothingToClose(periodCounts(figures))) throw new AppError('CONFLICT', 'errors.nothingToClose')
    if (input.expectedCashFen !== undefined && input.expectedCashFen !== figures.expectedCashFen) {
      throw new AppError('CONFLICT', 'errors.dayCloseChanged', { expectedCashFen: figures.expectedCashFen })
    }
    const differenceFen = input.countedCashFen - figures.expectedCashFen
    if (differenceNeedsNote(differenceFen, input.note)) throw fieldError('note', 'validation.differenceNeedsNote')
    const number = await nextDocumentNumber(trx, 'DC', at, timeZone)
    const { payments, documents, unpaidHandOverIds, ...report } = figures
    await trx
      .insertInto('dayCloses')
      .values({
        id,
        number,
        periodStart: figures.periodStart,
        periodEnd: figures.periodEnd,
        reportJson: JSON.stringify(report),
        expectedCashFen: figures.expectedCashFen,
        countedCashFen: input.countedCashFen,
        differenceFen,
        note: input.note,
        closedBy: actor.id,
        closedAt: at.toISOString()
      })
      .execute()
    if (documents.length > 0)
      await trx
        .insertInto('dayCloseDocuments')
        .values(documents.map((document) => ({ invoiceId: document.id, dayCloseId: id })))
        .execute()
    if (unpaidHandOverIds.length > 0)
      await trx
        .insertInto('dayCloseHandOvers')
        .values(unpaidHandOverIds.map((unpaidHandOverId) => ({ unpaidHandOverId, dayCloseId: id })))
        .execute()
    if (payments.length > 0) {
      await trx
        .updateTable('payments')
        .set({ dayCloseId: id })
        .where('dayCloseId', 'is', null)
        .where(
          'id',
          'in',
          payments.map((payment) => payment.id)
        )
        .execute()
    }
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: 'dayClose.close',
      entity: 'day_close',
      entityId: id,
      after: {
        number,
        ...report,
        countedCashFen: input.countedCashFen,
        differenceFen,
        note: input.note
      }
    })
  })
  return loadDayClose(db, id)
}

export async function loadDayClose(db: Db, id: string): Promise<DayCloseReport> {
  const row = await db
    .selectFrom('dayCloses as d')
    .leftJoin('users as u', 'u.id', 'd.closedBy')
    .selectAll('d')
    .select('u.displayName as closedByName')
    .where('d.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  // Reports closed before counter sales existed hold none, nor unpaid hand-overs before those were
  // recorded, nor a shop-warranty share before the shop could bear lines, nor re-entered payments
  // before they were told apart (nor the cash of those, before it was kept with them).
  type Late = 'counterSales' | 'counterSaleRefunds' | 'shopWarrantyFen' | 'reEntered' | 'reEnteredCashFen'
  type Stored = Omit<Figures, 'payments' | Late> & Partial<Pick<Figures, Late>> & { unpaidHandOvers?: UnpaidHandOver[] }
  const report = {
    counterSales: 0,
    counterSaleRefunds: 0,
    shopWarrantyFen: 0,
    reEntered: [],
    ...(JSON.parse(row.reportJson) as Stored)
  }
  const payments = await paymentsQuery(db).where('pay.dayCloseId', '=', id).orderBy('pay.at').execute()
  return {
    ...report,
    // Closes from before unpaid hand-overs were recorded had none.
    unpaidHandOvers: report.unpaidHandOvers ?? [],
    reEntered: withTheirPayments(report.reEntered),
    reEnteredCashFen: report.reEnteredCashFen ?? reEnteredCash(report.reEntered),
    payments,
    id: row.id,
    number: row.number,
    countedCashFen: row.countedCashFen,
    differenceFen: row.differenceFen,
    note: row.note,
    closedAt: row.closedAt,
    closedByName: row.closedByName
  }
}

export async function listDayCloses(db: Db): Promise<DayCloseSummary[]> {
  const rows = await db
    .selectFrom('dayCloses as d')
    .leftJoin('users as u', 'u.id', 'd.closedBy')
    .select([
      'd.id',
      'd.number',
      'd.periodStart',
      'd.periodEnd',
      'd.reportJson',
      'd.expectedCashFen',
      'd.countedCashFen',
      'd.differenceFen',
      'u.displayName as closedByName'
    ])
    .orderBy('d.closedAt', 'desc')
    .limit(400)
    .execute()
  return rows.map(({ reportJson, ...row }) => ({
    ...row,
    takingsFen: (JSON.parse(reportJson) as { takingsFen: number }).takingsFen
  }))
}
