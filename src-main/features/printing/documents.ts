import type { Db } from '../../db/connection'
import type { CurrentUser, WorkOrderPrintData } from '../../../src-shared/contract'
import { roleMayCall } from '../../../src-shared/contract/permissions'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { sanbaoRepairGuaranteeDays } from '../../../src-shared/domain/comeback'
import { daysPeriodEnd } from '../../../src-shared/domain/warranty/policy'
import { readRepairWarrantyDays, readShopProfile } from '../settings/service'
import { shopCalendar } from '../workOrders/calendar'
import { loadWorkOrderDetail } from '../workOrders/detail'
import { warrantedJob } from '../workOrders/comebackCover'
import { findWorkOrder } from '../workOrders/lookup'
import { workOrderPorts } from '../workOrders/ports'

/**
 * The data behind a work order's printed documents, gathered in one call. Its invoice and parts
 * come through the kernel's ports: printing does not import checkout or parts.
 */
export async function workOrderPrintData(
  db: Db,
  now: Date,
  viewer: CurrentUser,
  workOrderId: string
): Promise<WorkOrderPrintData> {
  const order = await findWorkOrder(db, workOrderId)
  const calendar = await shopCalendar(db, now)
  const shop = (await readShopProfile(db))!
  // The bill is the counter's business, like the claim code.
  const invoice = roleMayCall(viewer.role, 'checkout.get')
    ? ((await workOrderPorts().invoicesOf(db, workOrderId)).find((document) => document.kind === 'invoice') ?? null)
    : null
  // The repair's own warranty runs from the day the customer took the device back; a free rework
  // under it starts nothing new: its slip shows the warranty of the work it reworked.
  const warranted = (await warrantedJob(db, order)) ?? order
  // A 三包 repair is guaranteed at least the regulation's 30 days (see comebackCover).
  const shopDays = await readRepairWarrantyDays(db)
  const days = warranted.serviceType === 'warranty_repair' ? sanbaoRepairGuaranteeDays(shopDays) : shopDays
  // Printed before hand-over, the period has no dates yet: the slip says it runs from hand-over.
  const startsOn = warranted.pickedUpAt ? shopLocalDate(new Date(warranted.pickedUpAt), calendar.timeZone) : null
  return {
    shop,
    // A document never prints the device's passcode, so it does not even carry it.
    workOrder: { ...(await loadWorkOrderDetail(db, workOrderId, viewer, calendar)), passcode: null },
    claimCode: roleMayCall(viewer.role, 'workOrders.pickup') ? order.claimCode : null,
    parts: await workOrderPorts().partsOf(db, workOrderId),
    invoice,
    repairWarranty: { days, startsOn, endsOn: startsOn === null ? null : daysPeriodEnd(startsOn, days) },
    printedAt: now.toISOString()
  }
}
