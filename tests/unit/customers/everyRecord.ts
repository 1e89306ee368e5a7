import type { AppContext } from '../../../src-main/app/context'
import { ADMIN, callOk } from '../helpers'
import { finishedJob } from '../checkout/fixtures'

/** A person and what they said to the shop, each text their own so it can be looked for anywhere. */
export interface Person {
  name: string
  mobile: string
  serial: string
  /** Said on the follow-up call. */
  comment: string
  /** The complaint they raised on it. */
  complaint: string
}

/** Two people, each with their own words, so one's can be looked for in the other's records. */
export const A_PERSON: Person = {
  name: '欧阳娜娜',
  mobile: '13912345678',
  serial: 'SN-PERSON-1',
  comment: '师傅态度很好但是修得太慢',
  complaint: '要求赔偿三天的误工费'
}
export const SOMEONE_ELSE: Person = {
  name: '陌生人乙',
  mobile: '13800001111',
  serial: 'SN-PERSON-2',
  comment: '价格有点贵',
  complaint: '屏幕有划痕要求重换'
}

/** What one person's records hold, with the ids and numbers the tests look them up by. */
export interface PersonRecords {
  customerId: string
  /** Paid, notified, picked up, called back with a complaint; the complaint handled; a restore dropped its payment. */
  paid: { id: string; number: string }
  /** A warranty repair: a claim to the brand. */
  warranty: { id: string; number: string }
  /** Taken home before it was paid. */
  unpaid: { id: string; number: string }
  /** What staff typed about them (a parts request, the hand-over reason, a complaint note), name and phone inside. */
  staffNotes: string[]
}

/**
 * A customer with one record of each kind the shop keeps about a person: registered as a unit's
 * buyer, three jobs (paid, warranty, handed over unpaid) with a parts request, receipts, a tax
 * invoice number, a ready notice, follow-up calls, a complaint from one with its history, and a
 * payment a restore dropped. Everything goes through the operations the desk uses, except the
 * dropped payment: only a restore from a copy writes one, so it is written as a restore would.
 */
export async function customerWithEveryRecord(
  app: AppContext,
  adminToken: string,
  person: Person
): Promise<PersonRecords> {
  const { name, mobile } = person
  await callOk(
    app,
    'warranty.register',
    {
      serial: person.serial,
      brand: '华为',
      model: 'Mate 60',
      categoryKey: 'mobile_phone',
      purchaseDate: '2026-01-10',
      buyerName: name,
      buyerPhone: mobile
    },
    adminToken
  )
  const paid = await finishedJob(app, adminToken, {
    serviceType: 'paid_repair',
    intake: {
      customer: { kind: 'new', fields: { name, mobile } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60', serial: person.serial } }
    }
  })
  const customerId = (await callOk(app, 'workOrders.get', { id: paid.id }, adminToken)).customer.id
  const partId = app.sqlite.prepare('SELECT part_id FROM work_order_parts WHERE id = ?').pluck().get(paid.partLineId)
  const staffNotes = [`${name}要原装屏`, `${name}明天转账`, `已回电${name}（${mobile}），同意返修`]
  await callOk(
    app,
    'workOrderParts.request',
    { workOrderId: paid.id, partId: String(partId), quantity: 1, note: staffNotes[0]! },
    adminToken
  )
  const receipt = await callOk(
    app,
    'checkout.pay',
    { workOrderId: paid.id, tenders: [{ method: 'cash', amountFen: 53_000 }] },
    adminToken
  )
  await callOk(app, 'checkout.recordTaxInvoice', { invoiceId: receipt.id, taxInvoiceNumber: '04400123' }, adminToken)
  await callOk(
    app,
    'customerContact.markNotified',
    { workOrderId: paid.id, language: 'zh-CN', channel: 'sms' },
    adminToken
  )
  await callOk(app, 'workOrders.pickup', { id: paid.id, claimCode: paid.claimCode, confirmed: true }, adminToken)
  const followUpId = String(
    app.sqlite.prepare('SELECT id FROM follow_ups WHERE work_order_id = ?').pluck().get(paid.id)
  )
  const call = await callOk(
    app,
    'customerContact.recordCall',
    {
      followUpId,
      reached: true,
      scores: { attitude: 90, speed: 40, quality: 80, price: 70 },
      comment: person.comment,
      complaint: person.complaint
    },
    adminToken
  )
  await callOk(
    app,
    'customerContact.moveComplaint',
    { complaintId: call.complaint!.id, to: 'handling', note: staffNotes[2]! },
    adminToken
  )

  const warranty = await finishedJob(app, adminToken, {
    serviceType: 'warranty_repair',
    intake: { customer: { kind: 'existing', id: customerId } }
  })
  await callOk(app, 'checkout.pay', { workOrderId: warranty.id }, adminToken)

  const unpaid = await finishedJob(app, adminToken, {
    serviceType: 'paid_repair',
    intake: { customer: { kind: 'existing', id: customerId } }
  })
  await callOk(
    app,
    'workOrders.pickup',
    {
      id: unpaid.id,
      claimCode: unpaid.claimCode,
      confirmed: true,
      unpaidOverride: {
        reason: staffNotes[1]!,
        managerApproval: { username: ADMIN.username, password: ADMIN.password }
      }
    },
    adminToken
  )
  droppedByARestore(app, receipt.id, { ...paid, customerName: name })
  return { customerId, paid, warranty, unpaid, staffNotes }
}

/** The receipt's payment as a restore lists it when the copy it went back to was taken before it, dealt with since. */
function droppedByARestore(
  app: AppContext,
  invoiceId: string,
  job: { id: string; number: string; customerName: string }
): void {
  const payment = app.sqlite
    .prepare('SELECT id, amount_fen, method, at FROM payments WHERE invoice_id = ?')
    .get(invoiceId) as { id: string; amount_fen: number; method: string; at: string }
  app.sqlite
    .prepare(
      `INSERT INTO restore_dropped_money (id, backup_name, restored_at, record_id, kind, amount_fen, method,
         document_number, work_order_id, work_order_number, refunds_document_id, customer_name, at, by_name,
         day_close_number, dealt_with_at, dealt_with_by, dealt_with_note)
       VALUES (?, 'shop-2026-01-23.sqlite', ?, ?, 'payment', ?, ?, '', ?, ?, NULL, ?, ?, ?, NULL, ?, NULL, ?)`
    )
    .run(
      `dropped-${payment.id}`,
      payment.at,
      payment.id,
      payment.amount_fen,
      payment.method,
      job.id,
      job.number,
      job.customerName,
      payment.at,
      ADMIN.displayName,
      payment.at,
      `${job.customerName}来电确认已付`
    )
}
