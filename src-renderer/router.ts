import type { Component } from 'vue'
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { ElMessage } from 'element-plus'
import type { OperationName } from '../src-shared/contract'
import { useSessionStore } from './features/auth/sessionStore'
import { i18n } from './i18n'
import AppLayout from './shell/AppLayout.vue'
import SetupView from './features/setup/SetupView.vue'
import SignInView from './features/auth/SignInView.vue'
import HomeView from './features/home/HomeView.vue'
import UsersView from './features/users/UsersView.vue'
import AuditLogView from './features/audit/AuditLogView.vue'
import ShopSettingsView from './features/settings/ShopSettingsView.vue'
import BackupsView from './features/backups/BackupsView.vue'
import IntakeView from './features/repairs/IntakeView.vue'
import WorkOrdersView from './features/repairs/WorkOrdersView.vue'
import BoardView from './features/repairs/BoardView.vue'
import WorkOrderView from './features/repairs/WorkOrderView.vue'
import ApprovalsView from './features/repairs/ApprovalsView.vue'
import CustomersView from './features/customers/CustomersView.vue'
import CustomerDetailView from './features/customers/CustomerDetailView.vue'
import CodesView from './features/codes/CodesView.vue'
import WarrantyLookupView from './features/warranty/WarrantyLookupView.vue'
import WarrantyImportView from './features/warranty/WarrantyImportView.vue'
import PoliciesView from './features/warranty/PoliciesView.vue'
import PartsView from './features/parts/PartsView.vue'
import PartView from './features/parts/PartView.vue'
import ReceiveView from './features/parts/ReceiveView.vue'
import StockListsView from './features/parts/StockListsView.vue'
import IssueView from './features/parts/IssueView.vue'
import FaultyPartsView from './features/parts/FaultyPartsView.vue'
import StocktakesView from './features/parts/StocktakesView.vue'
import StocktakeView from './features/parts/StocktakeView.vue'
import CheckoutView from './features/checkout/CheckoutView.vue'
import InvoiceView from './features/checkout/InvoiceView.vue'
import DayCloseView from './features/checkout/DayCloseView.vue'
import DayCloseReportView from './features/checkout/DayCloseReportView.vue'
import CounterSaleView from './features/checkout/CounterSaleView.vue'
import { adoptPrintToken, printRoutes } from './print/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** The operation the page is built on; roles that may not call it are sent home. */
    operation?: OperationName
  }
}

/**
 * A page inside the app's frame, open to the roles that may call `operation`. A page whose
 * address names a record (`:id`) gets it as its `id` prop.
 */
function page(path: string, name: string, component: Component, operation: OperationName): RouteRecordRaw {
  return { path, name, component, props: path.includes(':id'), meta: { operation } }
}

const routes: RouteRecordRaw[] = [
  { path: '/setup', name: 'setup', component: SetupView, meta: { public: true } },
  { path: '/sign-in', name: 'sign-in', component: SignInView, meta: { public: true } },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: HomeView },
      page('intake', 'intake', IntakeView, 'workOrders.create'),
      page('warranty', 'warranty', WarrantyLookupView, 'warranty.lookup'),
      page('warranty/import', 'warranty-import', WarrantyImportView, 'warranty.importRun'),
      page('warranty/policies', 'warranty-policies', PoliciesView, 'warranty.savePolicy'),
      page('work-orders', 'work-orders', WorkOrdersView, 'workOrders.list'),
      page('work-orders/:id', 'work-order', WorkOrderView, 'workOrders.get'),
      page('work-orders/:id/checkout', 'checkout', CheckoutView, 'checkout.draft'),
      page('invoices/:id', 'invoice', InvoiceView, 'checkout.get'),
      page('day-close', 'day-close', DayCloseView, 'dayClose.preview'),
      page('day-close/:id', 'day-close-report', DayCloseReportView, 'dayClose.get'),
      page('counter-sale', 'counter-sale', CounterSaleView, 'counterSales.sell'),
      page('board', 'board', BoardView, 'workOrders.board'),
      page('approvals', 'approvals', ApprovalsView, 'workOrders.approvals'),
      page('customers', 'customers', CustomersView, 'customers.search'),
      page('customers/:id', 'customer', CustomerDetailView, 'customers.get'),
      page('parts', 'parts', PartsView, 'parts.search'),
      page('parts/receive', 'parts-receive', ReceiveView, 'parts.receive'),
      page('parts/lists', 'parts-lists', StockListsView, 'parts.lowStock'),
      page('parts/issue', 'parts-issue', IssueView, 'workOrderParts.openRequests'),
      page('parts/faulty', 'parts-faulty', FaultyPartsView, 'faultyParts.list'),
      page('parts/stocktakes', 'parts-stocktakes', StocktakesView, 'stocktakes.list'),
      page('parts/stocktakes/:id', 'parts-stocktake', StocktakeView, 'stocktakes.get'),
      page('parts/:id', 'part', PartView, 'parts.get'),
      page('codes', 'codes', CodesView, 'codes.save'),
      page('users', 'users', UsersView, 'users.list'),
      page('audit', 'audit', AuditLogView, 'audit.list'),
      page('settings', 'settings', ShopSettingsView, 'settings.update'),
      page('backups', 'backups', BackupsView, 'backups.list')
    ]
  },
  // Documents draw on their paper alone, outside the shell.
  ...printRoutes,
  { path: '/:unknown(.*)*', redirect: '/' }
]

// Hash history works both from Electron's file:// page and from the HTTP host.
export const router = createRouter({ history: createWebHashHistory(), routes })

router.beforeEach(async (to) => {
  // A session token never stays in an address (history, a copied link): drop it once seen.
  if (adoptPrintToken(to)) {
    const { token: _token, ...query } = to.query
    return { ...to, query, replace: true }
  }
  const session = useSessionStore()
  if (session.initialized === null) await session.bootstrap()
  if (!session.initialized) return to.name === 'setup' ? true : { name: 'setup' }
  if (to.name === 'setup') return { name: session.user ? 'home' : 'sign-in' }
  if (!session.user) {
    return to.meta.public ? true : { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  if (to.name === 'sign-in') return { name: 'home' }
  if (to.meta.operation && !session.may(to.meta.operation)) {
    ElMessage.warning(i18n.global.t('errors.noPermissionPage'))
    return { name: 'home' }
  }
  return true
})
