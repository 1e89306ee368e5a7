import { returnDepositOfClosedOrder, recordDeposit } from './checkout/deposits'
import { handOverBilling } from './checkout/handOverBilling'
import { invoicesOfWorkOrder } from './checkout/invoices'
import { wireCheckoutStock, wireDroppedMoneyGuard } from './checkout/ports'
import { payOutRefund } from './checkout/payouts'
import { findDevice, insertDevice, saveDevice } from './customers/devices/devices'
import { findLiveCustomer, insertCustomer } from './customers/service'
import { wireCustomerHistory } from './customers/ports'
import { complaintsOfCustomer, followUpsOfCustomer } from './customerContact/customerHistory'
import { paymentsOfCustomer } from './checkout/customerPayments'
import { findSellablePart, sellOverCounter, takeBackBilledPart, takeBackSoldPart } from './parts/counterStock'
import { oweTakenBackAccessory } from './parts/faultyParts/owedAccessories'
import { loadWorkOrderParts } from './parts/workOrderParts/jobPartsReads'
import { partsTimelineOf } from './parts/workOrderParts/partsTimeline'
import { releasePartsOfClosedOrder } from './parts/workOrderParts/returns'
import { registeredUnitOfSerial } from './warranty/registeredUnit'
import { brandCoversComeback } from './warranty/service'
import { wireWarrantyStock } from './warranty/ports'
import { wireWorkOrderPorts } from './workOrders/ports'
import { openFollowUpOfPickedUpOrder } from './customerContact/followUps'
import { wirePulledTables } from './sync/hq/pulledTables'
import { wireShopName } from './sync/hq/shopName'
import { readShopProfile } from './settings/service'
import { applyRegistryUnits, applyWarrantyPolicies } from './warranty/hqRegistry'
import { applyCatalogueParts } from './parts/hqCatalogue'
import { applyReturnBatchStatus } from './parts/hqReturnBatches'
import { applyClaimDecisions } from './checkout/claims/hqDecisions'
import { applyFaultCodes } from './workOrders/codes/hqFaultCodes'
import { applyServiceBulletins } from './sync/hq/bulletins'
import { wireRestoreErasure } from './backups/keptErasures'
import { eraseAgainAfterRestore } from './customers/erasure'
import { refuseRepeatingDroppedMoney } from './backups/droppedMoney'

/**
 * The composition root of the features: the one file that knows them all. Features build on the
 * work-order kernel and never import each other; where the kernel needs one of them (check-in
 * creates the customer, a cancelled job returns its parts and deposit, a printout shows the
 * invoice), it names a port and this file plugs the feature in. rpc/handlers.ts runs it.
 */
export function wireFeatures(): void {
  wireWorkOrderPorts({
    parties: { findLiveCustomer, insertCustomer, findDevice, insertDevice, saveDevice },
    recordDeposit,
    // Parts first, then the deposit: the order the cancellation always ran them in. A picked-up
    // job also gets its follow-up call.
    onClosed: [releasePartsOfClosedOrder, returnDepositOfClosedOrder, openFollowUpOfPickedUpOrder],
    invoicesOf: invoicesOfWorkOrder,
    handOverBilling,
    partsOf: loadWorkOrderParts,
    partsTimelineOf,
    registeredUnit: registeredUnitOfSerial,
    brandCoversComeback
  })
  // The cash desk moves stock only through the parts ledger: parts handed back, counter sales.
  wireCheckoutStock({ takeBackBilledPart, findSellablePart, sellOverCounter, takeBackSoldPart })
  // So does the warranty counter: a 三包 accessory's new one leaves, the faulty one comes back and
  // is owed to the brand; an accessory's refund is paid out of the till.
  wireWarrantyStock({ findSellablePart, sellOverCounter, takeBackSoldPart, oweTakenBackAccessory, payOutRefund })
  // What HQ sends back lands in the tables of the feature that owns them.
  // Sync enrols the shop under its profile's name; settings writes through sync, not the reverse.
  wireShopName(async (db) => (await readShopProfile(db))?.name ?? '')
  wirePulledTables({
    registryUnits: applyRegistryUnits,
    warrantyPolicies: applyWarrantyPolicies,
    catalogueParts: applyCatalogueParts,
    faultCodes: applyFaultCodes,
    serviceBulletins: applyServiceBulletins,
    claimDecisions: applyClaimDecisions,
    returnBatchStatus: applyReturnBatchStatus
  })
  // A customer's file lists the complaints, follow-up calls and payments around their jobs.
  wireCustomerHistory({
    complaintsOf: complaintsOfCustomer,
    followUpsOf: followUpsOfCustomer,
    paymentsOf: paymentsOfCustomer
  })
  // A restore erases again, with erasure's own steps, a customer erased since the copy.
  wireRestoreErasure(eraseAgainAfterRestore)
  // A charge or refund a restore's dropped money record may already have made stops at the counter.
  wireDroppedMoneyGuard(refuseRepeatingDroppedMoney)
}
