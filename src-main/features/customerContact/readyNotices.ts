import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type ReadyMessage, type ReadyNotice } from '../../../src-shared/contract'
import {
  maskClaimCode,
  renderReadyMessage,
  type NoticeChannel,
  type ReadyMessageLanguage
} from '../../../src-shared/domain/customerContact'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { awaitsHandOver, LEAVES_UNREPAIRED } from '../../../src-shared/domain/workOrderStatus'
import { recordAudit } from '../audit/record'
import { readShopProfile } from '../settings/service'
import { findWorkOrder } from '../workOrders/lookup'
import { addTimelineEvent } from '../workOrders/timeline'
import type { WorkOrdersTable } from '../workOrders/tables'
import { readContactSettings } from './contactSettings'

/**
 * The "your device is ready" message for the desk to copy into SMS or WeChat, filled from the
 * shop's template. Sending it through an SMS gateway is left to an extension (ARCHITECTURE.md):
 * here the desk passes it on and records that it did. The answer is on screen at the counter, so
 * its claim code is masked; `copyReadyMessage` gives the full text to the clipboard.
 */
export async function readyMessage(db: Db, workOrderId: string, language: ReadyMessageLanguage): Promise<ReadyMessage> {
  const order = await findWorkOrder(db, workOrderId)
  return {
    workOrderId,
    language,
    text: await fillReadyMessage(db, order, language, maskClaimCode(order.claimCode)),
    customerPhone: await customerMobile(db, order.customerId),
    ready: awaitsHandOver(order),
    notices: await noticesOf(db, workOrderId)
  }
}

/**
 * The message with the claim code in clear, for the desk to paste to the customer; only while the
 * device waits to be collected. Each copy is audited. (The printed claim receipt carries the code
 * too, printed at intake for the customer, and again by the roles that may hand devices over.)
 */
export async function copyReadyMessage(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: { workOrderId: string; language: ReadyMessageLanguage }
): Promise<{ text: string }> {
  return db.transaction().execute(async (trx) => {
    const order = await findWorkOrder(trx, input.workOrderId)
    if (!awaitsHandOver(order)) throw new AppError('CONFLICT', 'errors.jobNotReady', { number: order.number })
    const text = await fillReadyMessage(trx, order, input.language, order.claimCode)
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'customerContact.copyReadyMessage',
      entity: 'work_order',
      entityId: order.id,
      after: { language: input.language }
    })
    return { text }
  })
}

async function customerMobile(db: Db, customerId: string): Promise<string> {
  const customer = await db
    .selectFrom('customers')
    .select('mobile')
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow()
  return customer.mobile ?? ''
}

async function fillReadyMessage(
  db: Db,
  order: WorkOrdersTable,
  language: ReadyMessageLanguage,
  claimCode: string
): Promise<string> {
  const customer = await db
    .selectFrom('customers')
    .select(['name'])
    .where('id', '=', order.customerId)
    .executeTakeFirstOrThrow()
  const device = await db
    .selectFrom('devices')
    .select(['brand', 'model'])
    .where('id', '=', order.deviceId)
    .executeTakeFirstOrThrow()
  const profile = await readShopProfile(db)
  const settings = await readContactSettings(db)
  // A job that ends unrepaired must not tell the customer the device was repaired.
  const templates = LEAVES_UNREPAIRED.has(order.status) ? settings.unrepairedTemplates : settings.readyTemplates
  return renderReadyMessage(templates[language], {
    shop: profile?.name ?? '',
    customer: customer.name,
    number: order.number,
    claimCode,
    device: `${device.brand} ${device.model}`.trim(),
    hours: settings.openingHours[language],
    phone: profile?.phone ?? ''
  })
}

/** Records that the desk told the customer; only while the device waits to be collected. */
export async function markNotified(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: { workOrderId: string; language: ReadyMessageLanguage; channel: NoticeChannel }
): Promise<ReadyMessage> {
  await db.transaction().execute(async (trx) => {
    const order = await findWorkOrder(trx, input.workOrderId)
    if (!awaitsHandOver(order)) throw new AppError('CONFLICT', 'errors.jobNotReady', { number: order.number })
    const notice = {
      id: uuidv7(at.getTime()),
      workOrderId: order.id,
      channel: input.channel,
      language: input.language,
      notifiedBy: actor.id,
      notifiedAt: at.toISOString()
    }
    await trx.insertInto('readyNotices').values(notice).execute()
    await addTimelineEvent(trx, at, order.id, actor.id, { kind: 'customer_notified', note: input.channel })
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'customerContact.markNotified',
      entity: 'work_order',
      entityId: order.id,
      after: notice
    })
  })
  return readyMessage(db, input.workOrderId, input.language)
}

async function noticesOf(db: Db, workOrderId: string): Promise<ReadyNotice[]> {
  const rows = await db
    .selectFrom('readyNotices as n')
    .leftJoin('users as u', 'u.id', 'n.notifiedBy')
    .select(['n.id', 'n.channel', 'n.language', 'n.notifiedBy', 'n.notifiedAt', 'u.displayName as notifiedByName'])
    .where('n.workOrderId', '=', workOrderId)
    .orderBy('n.notifiedAt', 'desc')
    .execute()
  return rows
}
