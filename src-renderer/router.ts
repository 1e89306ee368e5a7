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
import { adoptPrintToken, printRoutes } from './print/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** The operation the page is built on; roles that may not call it are sent home. */
    operation?: OperationName
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/setup', name: 'setup', component: SetupView, meta: { public: true } },
  { path: '/sign-in', name: 'sign-in', component: SignInView, meta: { public: true } },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: HomeView },
      { path: 'intake', name: 'intake', component: IntakeView, meta: { operation: 'workOrders.create' } },
      { path: 'warranty', name: 'warranty', component: WarrantyLookupView, meta: { operation: 'warranty.lookup' } },
      {
        path: 'warranty/import',
        name: 'warranty-import',
        component: WarrantyImportView,
        meta: { operation: 'warranty.importRun' }
      },
      {
        path: 'warranty/policies',
        name: 'warranty-policies',
        component: PoliciesView,
        meta: { operation: 'warranty.savePolicy' }
      },
      { path: 'work-orders', name: 'work-orders', component: WorkOrdersView, meta: { operation: 'workOrders.list' } },
      {
        path: 'work-orders/:id',
        name: 'work-order',
        component: WorkOrderView,
        props: true,
        meta: { operation: 'workOrders.get' }
      },
      {
        path: 'work-orders/:id/checkout',
        name: 'checkout',
        component: CheckoutView,
        props: true,
        meta: { operation: 'checkout.draft' }
      },
      {
        path: 'invoices/:id',
        name: 'invoice',
        component: InvoiceView,
        props: true,
        meta: { operation: 'checkout.get' }
      },
      { path: 'day-close', name: 'day-close', component: DayCloseView, meta: { operation: 'dayClose.preview' } },
      {
        path: 'day-close/:id',
        name: 'day-close-report',
        component: DayCloseReportView,
        props: true,
        meta: { operation: 'dayClose.get' }
      },
      { path: 'board', name: 'board', component: BoardView, meta: { operation: 'workOrders.board' } },
      { path: 'approvals', name: 'approvals', component: ApprovalsView, meta: { operation: 'workOrders.approvals' } },
      { path: 'customers', name: 'customers', component: CustomersView, meta: { operation: 'customers.search' } },
      {
        path: 'customers/:id',
        name: 'customer',
        component: CustomerDetailView,
        props: true,
        meta: { operation: 'customers.get' }
      },
      { path: 'parts', name: 'parts', component: PartsView, meta: { operation: 'parts.search' } },
      { path: 'parts/receive', name: 'parts-receive', component: ReceiveView, meta: { operation: 'parts.receive' } },
      { path: 'parts/lists', name: 'parts-lists', component: StockListsView, meta: { operation: 'parts.lowStock' } },
      {
        path: 'parts/issue',
        name: 'parts-issue',
        component: IssueView,
        meta: { operation: 'workOrderParts.openRequests' }
      },
      {
        path: 'parts/faulty',
        name: 'parts-faulty',
        component: FaultyPartsView,
        meta: { operation: 'faultyParts.list' }
      },
      {
        path: 'parts/stocktakes',
        name: 'parts-stocktakes',
        component: StocktakesView,
        meta: { operation: 'stocktakes.list' }
      },
      {
        path: 'parts/stocktakes/:id',
        name: 'parts-stocktake',
        component: StocktakeView,
        props: true,
        meta: { operation: 'stocktakes.get' }
      },
      { path: 'parts/:id', name: 'part', component: PartView, props: true, meta: { operation: 'parts.get' } },
      { path: 'codes', name: 'codes', component: CodesView, meta: { operation: 'codes.save' } },
      { path: 'users', name: 'users', component: UsersView, meta: { operation: 'users.list' } },
      { path: 'audit', name: 'audit', component: AuditLogView, meta: { operation: 'audit.list' } },
      { path: 'settings', name: 'settings', component: ShopSettingsView, meta: { operation: 'settings.update' } }
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
