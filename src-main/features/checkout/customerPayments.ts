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

/**
 * The newest money taken or handed back for a customer: deposits, payments, deposits returned and
 * refunds of their jobs, and of counter sales written to their name (a counter sale records the
 * name typed at the till, nothing else). Each kind is read newest first through its own index
 * (the customer's jobs, then each job's payments; the sales by name), and the two are merged.
 */
export async function paymentsOfCustomer(
  db: Db,
  customer: { id: string; counterSaleName: string | null },
  limit: number
): Promise<RecentRecords<CustomerPayment>> {
  const ofJobs = await paymentsWithDocuments(db)
    .where('pay.workOrderId', 'in', (eb) =>
      eb.selectFrom('workOrders').select('id').where('customerId', '=', customer.id)
    )
    .limit(limit + 1)
    .execute()
  const ofSales =
    customer.counterSaleName === null
      ? []
      : await paymentsWithDocuments(db)
          .where('pay.counterSaleId', 'in', (eb) =>
            eb.selectFrom('counterSales').select('id').where('customerName', '=', customer.counterSaleName)
          )
          .limit(limit + 1)
          .execute()
  const newestFirst = [...ofJobs, ...ofSales].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
  return recentRecords(newestFirst, limit)
}
