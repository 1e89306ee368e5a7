import { sql, type SqlBool } from 'kysely'
import type { Db } from '../../db/connection'
import type { CustomerPayment, RecentRecords } from '../../../src-shared/contract'
import { recentRecords } from '../../../src-shared/contract/customers'
import { paymentsQuery } from './invoices'

/** The payments query with what each payment was for: its receipt or counter sale, and its job. */
function paymentsWithDocuments(db: Db) {
  return paymentsQuery(db)
    .leftJoin('invoices as inv', 'inv.id', 'pay.invoiceId')
    .leftJoin('counterSales as sale', 'sale.id', 'pay.counterSaleId')
    .leftJoin('workOrders as job', 'job.id', 'pay.workOrderId')
    .select([
      'pay.counterSaleId',
      'job.number as workOrderNumber',
      (eb) => eb.fn.coalesce('inv.number', 'sale.number').as('documentNumber')
    ])
    .orderBy('pay.at', 'desc')
    .orderBy('pay.id', 'desc')
}

/** Whose payments the customer's page lists (worked out by the customers feature). */
export interface CustomerPaymentsScope {
  /** The customer, whose jobs' money it is. */
  id: string
  /** The customer and the duplicates merged into them: the counter sales picked for any of them. */
  recordIds: readonly string[]
  /** The name whose older counter sales (from before the till picked customers) are theirs; null for none. */
  namedSalesName: string | null
}

/**
 * The newest money taken or handed back for a customer: deposits, payments, deposits returned and
 * refunds of their jobs, of the counter sales they were picked for at the till, and of the older
 * sales that only their name tells (marked so). Each kind is read newest first through its own
 * index, and the three are merged.
 */
export async function paymentsOfCustomer(
  db: Db,
  customer: CustomerPaymentsScope,
  limit: number
): Promise<RecentRecords<CustomerPayment>> {
  const ofJobs = await paymentsWithDocuments(db)
    .where('pay.workOrderId', 'in', (eb) =>
      eb.selectFrom('workOrders').select('id').where('customerId', '=', customer.id)
    )
    .limit(limit + 1)
    .execute()
  const ofPickedSales = await paymentsWithDocuments(db)
    .where('pay.counterSaleId', 'in', (eb) =>
      eb.selectFrom('counterSales').select('id').where('customerId', 'in', customer.recordIds)
    )
    .limit(limit + 1)
    .execute()
  const ofNamedSales =
    customer.namedSalesName === null
      ? []
      : await paymentsWithDocuments(db)
          .where('pay.counterSaleId', 'in', (eb) =>
            eb
              .selectFrom('counterSales')
              .select('id')
              .where('customerName', '=', customer.namedSalesName)
              // Literal, as the partial index's condition must be for SQLite to use it.
              .where(sql<SqlBool>`customer_by_name = 1`)
          )
          .limit(limit + 1)
          .execute()
  const newestFirst = [
    ...[...ofJobs, ...ofPickedSales].map((payment) => ({ ...payment, matchedByName: false })),
    ...ofNamedSales.map((payment) => ({ ...payment, matchedByName: true }))
  ].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
  return recentRecords(newestFirst, limit)
}
