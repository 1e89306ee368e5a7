import type { Db } from '../../db/connection'
import type { Customer, CustomerFile } from '../../../src-shared/contract'
import { CUSTOMER_FILE_RECENT } from '../../../src-shared/contract/customers'
import { roleMayCall } from '../../../src-shared/contract/permissions'
import type { Role } from '../../../src-shared/domain/roles'
import { customerHistorySources } from './ports'

type CustomerHistory = Pick<CustomerFile, 'complaints' | 'followUps' | 'payments'>

/**
 * The customer's newest complaints, follow-up calls and payments, for their file. Each is read
 * only for a role that may see such records on their own pages (the complaints, the follow-up
 * calls, the receipts and counter sales), so the file shows nobody more than those pages would.
 */
export async function customerHistory(db: Db, now: Date, role: Role, customer: Customer): Promise<CustomerHistory> {
  const sources = customerHistorySources()
  const limit = CUSTOMER_FILE_RECENT
  const mayReadSales = roleMayCall(role, 'counterSales.get')
  const salesScope = {
    id: customer.id,
    recordIds: mayReadSales ? await recordsOfPerson(db, customer.id) : [],
    namedSalesName: mayReadSales ? await nameOnlyTheirs(db, customer) : null
  }
  const [complaints, followUps, payments] = await Promise.all([
    roleMayCall(role, 'customerContact.complaints') ? sources.complaintsOf(db, customer.id, limit) : null,
    roleMayCall(role, 'customerContact.followUps') ? sources.followUpsOf(db, now, customer.id, limit) : null,
    roleMayCall(role, 'checkout.get') ? sources.paymentsOf(db, salesScope, limit) : null
  ])
  return { complaints, followUps, payments }
}

/**
 * The customer and every duplicate merged into them, and into those: a counter sale stays on the
 * record it was picked for (it never changes), so the kept customer's page looks through them all.
 */
async function recordsOfPerson(db: Db, customerId: string): Promise<string[]> {
  const ids = [customerId]
  for (let index = 0; index < ids.length; index++) {
    const merged = await db.selectFrom('customers').select('id').where('mergedIntoId', '=', ids[index]!).execute()
    ids.push(...merged.map((row) => row.id))
  }
  return ids
}

/**
 * The name that tells the customer's counter sales from before the till picked customers, when
 * it tells them for certain: no other live customer bears it. With a namesake on record, those
 * sales could be either's, and neither page lists them. An erased customer's name is the
 * placeholder every erased customer shares: no sale is theirs by it.
 */
async function nameOnlyTheirs(db: Db, customer: Customer): Promise<string | null> {
  if (customer.erasedAt !== null) return null
  const namesake = await db
    .selectFrom('customers')
    .select('id')
    .where('name', '=', customer.name)
    .where('id', '!=', customer.id)
    .where('mergedIntoId', 'is', null)
    .where('erasedAt', 'is', null)
    .executeTakeFirst()
  return namesake === undefined ? customer.name : null
}
