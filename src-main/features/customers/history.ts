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
  // An erased customer's name is the placeholder every erased customer shares: no sale is theirs by it.
  const counterSaleName = customer.erasedAt === null && roleMayCall(role, 'counterSales.get') ? customer.name : null
  const [complaints, followUps, payments] = await Promise.all([
    roleMayCall(role, 'customerContact.complaints') ? sources.complaintsOf(db, customer.id, limit) : null,
    roleMayCall(role, 'customerContact.followUps') ? sources.followUpsOf(db, now, customer.id, limit) : null,
    roleMayCall(role, 'checkout.get') ? sources.paymentsOf(db, { id: customer.id, counterSaleName }, limit) : null
  ])
  return { complaints, followUps, payments }
}
