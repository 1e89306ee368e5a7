import type { Db } from '../../db/connection'
import { reusableQuery } from '../../db/reusableQuery'
import { AppError, type CurrentUser } from '../../../src-shared/contract'
import { isClosed } from '../../../src-shared/domain/workOrderStatus'
import { isOwnOrFreeJob } from './rights'
import type { WorkOrdersTable } from './tables'

// The checks every feature that changes a job makes before it touches it (repairs for labour and
// status, parts for issuing and returning). They live with the work order so no feature has to
// reach into another for them.

/** A picked-up, cancelled or returned order is history: only a manager's reopen follows it. */
export function requireOpen(order: WorkOrdersTable): void {
  if (isClosed(order.status)) throw new AppError('READ_ONLY', 'errors.workOrderClosed')
}

/** A technician works on their own jobs (or unassigned ones); managers on any. */
export function requireBenchAccess(actor: CurrentUser, order: WorkOrdersTable): void {
  if (!isOwnOrFreeJob(actor, order)) throw new AppError('FORBIDDEN', 'errors.notYourJob')
}

/**
 * Once a job is billed its labour and parts are what the invoice says: changing them would make
 * the invoice wrong. Corrections go through a credit note. (A read of checkout's invoices table
 * the kernel owns, so repairs and parts need not import checkout.)
 */
export async function requireNotBilled(db: Db, workOrderId: string): Promise<void> {
  const invoice = await db
    .selectFrom('invoices')
    .select('number')
    .where('workOrderId', '=', workOrderId)
    .where('kind', '=', 'invoice')
    .executeTakeFirst()
  refuseBilled(invoice?.number ?? null)
}

/** The same refusal, for a caller that read the order's invoice number with the order. */
export function refuseBilled(invoiceNumber: string | null): void {
  if (invoiceNumber !== null) throw new AppError('READ_ONLY', 'errors.workOrderBilled', { number: invoiceNumber })
}

const workOrderWithInvoice = reusableQuery(1, (db: Db, id: string) =>
  db
    .selectFrom('workOrders as wo')
    .selectAll('wo')
    .select((eb) =>
      eb
        .selectFrom('invoices')
        .select('number')
        .whereRef('invoices.workOrderId', '=', 'wo.id')
        .where('invoices.kind', '=', 'invoice')
        .limit(1)
        .as('billedInvoiceNumber')
    )
    .where('wo.id', '=', id)
)

/**
 * The order and the number of its invoice, if it is billed, in one read (compiled once): for changes made many
 * times an hour (issuing a part), where every statement counts. Guards then run as they would.
 */
export async function findWorkOrderWithInvoice(
  db: Db,
  id: string
): Promise<{ order: WorkOrdersTable; invoiceNumber: string | null }> {
  const row = await workOrderWithInvoice.first(db, id)
  if (!row) throw new AppError('NOT_FOUND', 'errors.workOrderNotFound')
  const { billedInvoiceNumber, ...order } = row
  return { order, invoiceNumber: billedInvoiceNumber }
}
