import type { Migration } from './migration'
import * as auth from '../features/auth/migrations'
import * as settings from '../features/settings/migrations'
import * as numbering from '../features/numbering/migrations'
import * as audit from '../features/audit/migrations'
import * as sync from '../features/sync/migrations'
import * as customers from '../features/customers/migrations'
import * as workOrders from '../features/workOrders/migrations'
import * as warranty from '../features/warranty/migrations'
import * as parts from '../features/parts/migrations'
import * as checkout from '../features/checkout/migrations'
import * as checkoutClaims from '../features/checkout/claims/migrations'
import * as printing from '../features/printing/migrations'
import * as customerContact from '../features/customerContact/migrations'
import * as desks from '../features/desks/migrations'
import * as reports from '../features/reports/migrations'
import * as reportSummaries from '../features/reports/summaries/migrations'
import * as reportSlices from '../features/reports/summaries/slices'
import * as reportPartYears from '../features/reports/summaries/partYearsDropped'
import * as reportPartPayers from '../features/reports/summaries/partPayers'
import * as reportPartsSettled from '../features/reports/summaries/partsSettled'
import * as reportPartCreditsLater from '../features/reports/summaries/partCreditsLater'
import * as reportAccessoryRemedies from '../features/reports/summaries/accessoryRemedies'
import * as reportClaimsPaid from '../features/reports/summaries/claimsPaid'
import * as reportClaimDecidedLater from '../features/reports/summaries/claimDecidedLater'
import * as reportClaimDecidedAfterCredit from '../features/reports/summaries/claimDecidedAfterCredit'
import * as dashboard from '../features/dashboard/migrations'
import * as backups from '../features/backups/migrations'

/**
 * Every schema step the app has shipped, in the order they run: the order is this list, and the
 * versions run 1..n down it. A released step never changes (the migrator checks each one's
 * checksum against the one recorded when it ran); a schema change is a new step appended at the
 * end with the next version.
 */
export const allMigrations: readonly Migration[] = [
  auth.rolesAndUsers,
  settings.shopSettings,
  numbering.numberSequences,
  audit.auditLog,
  sync.outbox,
  customers.customersAndDevices,
  workOrders.codeLists,
  workOrders.workOrdersLabourQuotesAndTimeline,
  customers.customerSearchIndex,
  workOrders.workOrderNumberTailIndex,
  warranty.catalogueAndPolicies,
  parts.partsAndStockLedger,
  checkout.invoicesPaymentsAndDayCloses,
  printing.printCounts,
  warranty.codesVoidWarranty,
  customers.customerErasure,
  audit.auditRedaction,
  workOrders.faultDateAndWaiting,
  warranty.exchangeRule,
  warranty.legalMinimumPolicies,
  checkout.counterSales,
  workOrders.unpaidHandOvers,
  checkout.receiptsKeepWhatTheySaid,
  parts.blindStocktakesAndRecounts,
  customerContact.followUpsAndComplaints,
  sync.hqSync,
  settings.deskSettings,
  warranty.importInShortTransactions,
  desks.desksPairingAndRequestLog,
  audit.auditRowsNameTheDesk,
  customers.customerSearchFts,
  workOrders.workOrderSearchFts,
  parts.partSearchFts,
  reports.reportFacts,
  auth.sessionsSurviveRestart,
  dashboard.dashboardPaymentsByInstant,
  warranty.refundRule,
  reportSummaries.reportSummaries,
  workOrders.exactNumberAndSerialInAnyCase,
  reports.reportFilterIndexes,
  reportSlices.reportSlices,
  reportPartYears.partYearsDropped,
  checkout.dayCloseHandOvers,
  checkout.shopPaysItsOwnWarranty,
  parts.partCatalogueEditVersion,
  parts.adjustmentSerials,
  checkout.counterSaleSerials,
  sync.pushRefusals,
  desks.requestClaimedInTheWrite,
  reportPartPayers.partPayers,
  reportPartsSettled.partsSettled,
  warranty.accessoryRemedies,
  parts.faultyAccessories,
  backups.restoreDroppedMoney,
  reportPartCreditsLater.partCreditsLater,
  parts.partRequestCancellations,
  reportAccessoryRemedies.accessoryRemedyMonths,
  customers.erasureReachesNotesAndHandOvers,
  checkoutClaims.claimsFiledByTheShop,
  parts.partRequestCancelReasons,
  checkout.paymentReEntries,
  reportClaimsPaid.claimsPaid,
  reportClaimDecidedLater.claimDecidedLater,
  checkoutClaims.claimsPaidByHq,
  reportClaimDecidedAfterCredit.claimDecidedAfterCredit,
  sync.pulledRowsRefused,
  backups.droppedMoneyNotReEntered,
  audit.auditRowsByRecord,
  parts.returnBatchCancellations,
  reports.reportCategoryFromCatalogue,
  parts.receiptSupplierAndNoteApart,
  checkout.counterSalesByCustomerName,
  checkout.counterSalesOfPickedCustomer,
  reports.reportCategoryInAnyCase
]
