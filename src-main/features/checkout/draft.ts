import type { Db } from '../../db/connection'
import type { CheckoutDraft } from '../../../src-shared/contract'
import { readApprovalThresholdFen } from '../settings/service'
import { findWorkOrder } from '../workOrders/lookup'
import { acceptedQuoteOf } from './acceptedQuote'
import { depositHeld } from './deposits'
import { earnedLines } from './lines'
import { billableLinesFen } from './handOverBilling'
import { checkoutBlockedReason } from './pay'
import { mustCheckOutBeforeHandOver } from '../../../src-shared/domain/handOver'

/** What the counter is about to bill, before any money is taken. */
export async function checkoutDraft(db: Db, workOrderId: string): Promise<CheckoutDraft> {
  const order = await findWorkOrder(db, workOrderId)
  const customer = await db
    .selectFrom('customers')
    .select('name')
    .where('id', '=', order.customerId)
    .executeTakeFirstOrThrow()
  const device = await db
    .selectFrom('devices')
    .select(['brand', 'model'])
    .where('id', '=', order.deviceId)
    .executeTakeFirstOrThrow()
  const acceptedQuote = await acceptedQuoteOf(db, order)
  const invoice = await db
    .selectFrom('invoices')
    .select('id')
    .where('workOrderId', '=', order.id)
    .where('kind', '=', 'invoice')
    .executeTakeFirst()
  const lines = await earnedLines(db, order)
  const depositFen = (await depositHeld(db, order.id)).amountFen
  return {
    workOrderId: order.id,
    workOrderNumber: order.number,
    workOrderStatus: order.status,
    serviceType: order.serviceType,
    customerName: customer.name,
    deviceLabel: `${device.brand} ${device.model}`,
    lines,
    depositFen,
    quoteDiscountFen: acceptedQuote?.discountFen ?? 0,
    acceptedQuote,
    approvalThresholdFen: await readApprovalThresholdFen(db),
    invoiceId: invoice?.id ?? null,
    blockedReason: checkoutBlockedReason(order),
    handOverNeedsCheckout: mustCheckOutBeforeHandOver({
      checkedOut: invoice !== undefined,
      linesFen: await billableLinesFen(db, order),
      depositHeldFen: depositFen
    })
  }
}
