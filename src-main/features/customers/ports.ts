import type { Db } from '../../db/connection'
import type { CustomerComplaint, CustomerPayment, FollowUp, RecentRecords } from '../../../src-shared/contract'
import { definePort } from '../../app/port'

/**
 * What the customer's file reads from the features that keep the records around a customer's
 * jobs. Features do not import each other: the customers feature names here what it needs, and
 * src-main/features/wiring.ts plugs customerContact and checkout in.
 */
export interface CustomerHistorySources {
  /** The newest complaints about the customer's jobs. */
  complaintsOf(db: Db, customerId: string, limit: number): Promise<RecentRecords<CustomerComplaint>>
  /** The newest follow-up calls on the customer's jobs, called or still due. */
  followUpsOf(db: Db, now: Date, customerId: string, limit: number): Promise<RecentRecords<FollowUp>>
  /**
   * The newest payments and refunds of the customer's jobs, of the counter sales picked at the
   * till for any of `recordIds` (the customer and the duplicates merged into them), and of the
   * older sales written to `namedSalesName` before the till picked customers (none when null).
   */
  paymentsOf(
    db: Db,
    customer: { id: string; recordIds: readonly string[]; namedSalesName: string | null },
    limit: number
  ): Promise<RecentRecords<CustomerPayment>>
}

const sources = definePort<CustomerHistorySources>('Customer history sources')

/** Called once by features/wiring.ts. */
export const wireCustomerHistory = sources.wire
export const customerHistorySources = sources.get
