import type { Db } from '../../db/connection'
import type { IssuedTo } from '../../../src-shared/contract/checkout'
import { readShopProfile } from '../settings/service'

/**
 * Freezes, inside the issuing transaction, what a receipt says about its customer, device and
 * shop: a reprint shows exactly this, whatever is edited later.
 */
export async function recordDocumentSnapshot(trx: Db, invoiceId: string, workOrderId: string): Promise<void> {
  const issuedTo = await liveIssuedTo(trx, workOrderId)
  await trx
    .insertInto('invoiceSnapshots')
    .values({
      invoiceId,
      customerName: issuedTo.customerName,
      customerMobile: issuedTo.customerMobile,
      deviceLabel: issuedTo.deviceLabel,
      deviceSerial: issuedTo.serial,
      shopName: issuedTo.shop.name,
      shopAddress: issuedTo.shop.address,
      shopPhone: issuedTo.shop.phone,
      shopTaxNumber: issuedTo.shop.taxNumber
    })
    .execute()
}

/** The customer, device and shop of a work order as they are now. */
async function liveIssuedTo(db: Db, workOrderId: string): Promise<IssuedTo> {
  const order = await db
    .selectFrom('workOrders as w')
    .innerJoin('customers as c', 'c.id', 'w.customerId')
    .innerJoin('devices as d', 'd.id', 'w.deviceId')
    .select(['c.name', 'c.mobile', 'd.brand', 'd.model', 'd.serial'])
    .where('w.id', '=', workOrderId)
    .executeTakeFirstOrThrow()
  const shop = await readShopProfile(db)
  return {
    customerName: order.name,
    customerMobile: order.mobile,
    deviceLabel: `${order.brand} ${order.model}`,
    serial: order.serial,
    shop: {
      name: shop?.name ?? '',
      address: shop?.address ?? '',
      phone: shop?.phone ?? '',
      taxNumber: shop?.taxNumber ?? ''
    }
  }
}

/**
 * What a document says about whom it was issued to: its own snapshot, else (a credit note) that
 * of the invoice it corrects, else (nothing was frozen) the work order as it is now.
 */
export async function issuedTo(
  db: Db,
  document: { id: string; correctsInvoiceId: string | null; workOrderId: string }
): Promise<IssuedTo> {
  const ids = [document.id, document.correctsInvoiceId].filter((id): id is string => id !== null)
  const snapshots = await db.selectFrom('invoiceSnapshots').selectAll().where('invoiceId', 'in', ids).execute()
  const snapshot = ids.map((id) => snapshots.find((row) => row.invoiceId === id)).find((row) => row !== undefined)
  if (!snapshot) return liveIssuedTo(db, document.workOrderId)
  return {
    customerName: snapshot.customerName,
    customerMobile: snapshot.customerMobile,
    deviceLabel: snapshot.deviceLabel,
    serial: snapshot.deviceSerial,
    shop: {
      name: snapshot.shopName,
      address: snapshot.shopAddress,
      phone: snapshot.shopPhone,
      taxNumber: snapshot.shopTaxNumber
    }
  }
}
