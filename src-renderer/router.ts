import { createRouter, createWebHashHistory, type RouteRecordRaw, type RouteRecordSingleView } from 'vue-router'
import { ElMessage } from 'element-plus'
import type { OperationName } from '../src-shared/contract'
import { useSessionStore } from './features/auth/sessionStore'
import { i18n } from './i18n'
import { adoptPrintToken, printRoutes } from './print/routes'
import { fetchAppComponents, loadAppComponents } from './ui/elementPlus'
import { onDeskProblem } from './api/client'
import { forgetPairing } from './api/pairing'

// The sign-in screen comes with the first script (no second round trip before it paints); every
// other page is its own chunk, fetched when its route is first entered, so sign-in paints without
// the code of the app behind it (issue 17, first paint). Add new pages the lazy way.
import SignInView from './features/auth/SignInView.vue'
const AppLayout = () => import('./shell/AppLayout.vue')
const SetupView = () => import('./features/setup/SetupView.vue')
const PairDeskView = () => import('./features/network/PairDeskView.vue')
const HomeView = () => import('./features/home/HomeView.vue')
const UsersView = () => import('./features/users/UsersView.vue')
const AuditLogView = () => import('./features/audit/AuditLogView.vue')
const ShopSettingsView = () => import('./features/settings/ShopSettingsView.vue')
const BackupsView = () => import('./features/backups/BackupsView.vue')
const FollowUpsView = () => import('./features/customerContact/FollowUpsView.vue')
const ComplaintsView = () => import('./features/customerContact/ComplaintsView.vue')
const SyncView = () => import('./features/sync/SyncView.vue')
const ClaimsView = () => import('./features/checkout/ClaimsView.vue')
const DesksAdminView = () => import('./features/desksAdmin/DesksAdminView.vue')
const IntakeView = () => import('./features/repairs/IntakeView.vue')
const WorkOrdersView = () => import('./features/repairs/WorkOrdersView.vue')
const BoardView = () => import('./features/repairs/BoardView.vue')
const WorkOrderView = () => import('./features/repairs/WorkOrderView.vue')
const ApprovalsView = () => import('./features/repairs/ApprovalsView.vue')
const CustomersView = () => import('./features/customers/CustomersView.vue')
const CustomerDetailView = () => import('./features/customers/CustomerDetailView.vue')
const CodesView = () => import('./features/codes/CodesView.vue')
const WarrantyLookupView = () => import('./features/warranty/WarrantyLookupView.vue')
const WarrantyImportView = () => import('./features/warranty/WarrantyImportView.vue')
const PoliciesView = () => import('./features/warranty/PoliciesView.vue')
const PartsView = () => import('./features/parts/PartsView.vue')
const PartView = () => import('./features/parts/PartView.vue')
const ReceiveView = () => import('./features/parts/ReceiveView.vue')
const StockListsView = () => import('./features/parts/StockListsView.vue')
const IssueView = () => import('./features/parts/IssueView.vue')
const FaultyPartsView = () => import('./features/parts/FaultyPartsView.vue')
const StocktakesView = () => import('./features/parts/StocktakesView.vue')
const StocktakeView = () => import('./features/parts/StocktakeView.vue')
const CheckoutView = () => import('./features/checkout/CheckoutView.vue')
const InvoiceView = () => import('./features/checkout/InvoiceView.vue')
const DayCloseView = () => import('./features/checkout/DayCloseView.vue')
const DayCloseReportView = () => import('./features/checkout/DayCloseReportView.vue')
const CounterSaleView = () => import('./features/checkout/CounterSaleView.vue')
const ReportsView = () => import('./features/reports/ReportsView.vue')
const ReportPrintView = () => import('./features/reports/ReportPrintView.vue')

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** The operation the page is built on; roles that may not call it are sent home. */
    operation?: OperationName
    /**
     * The header's name for a page its menu entry also covers, when it is a page of its own (the
     * complaints under the follow-up calls); others take their entry's name.
     */
    titleKey?: string
  }
}

/**
 * A page inside the app's frame, open to the roles that may call `operation`. A page whose
 * address names a record (`:id`) gets it as its `id` prop.
 */
function page(
  path: string,
  name: string,
  component: RouteRecordSingleView['component'],
  operation: OperationName
): RouteRecordRaw {
  return { path, name, component, props: path.includes(':id'), meta: { operation } }
}

const routes: RouteRecordRaw[] = [
  { path: '/setup', name: 'setup', component: SetupView, meta: { public: true } },
  { path: '/pair', name: 'pair', component: PairDeskView, meta: { public: true } },
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
      page('backups', 'backups', BackupsView, 'backups.list'),
      page('follow-ups', 'follow-ups', FollowUpsView, 'customerContact.followUps'),
      {
        ...page('complaints', 'complaints', ComplaintsView, 'customerContact.complaints'),
        meta: { operation: 'customerContact.complaints', titleKey: 'nav.complaints' }
      },
      page('sync', 'sync', SyncView, 'sync.status'),
      page('claims', 'claims', ClaimsView, 'checkout.claims'),
      page('shop-network', 'shop-network', DesksAdminView, 'desks.list'),
      page('reports', 'reports', ReportsView, 'reports.run')
    ]
  },
  // Documents draw on their paper alone, outside the shell.
  ...printRoutes,
  { path: '/report-print', name: 'report-print', component: ReportPrintView, meta: { operation: 'reports.run' } },
  { path: '/:unknown(.*)*', redirect: '/' }
]

// Hash history works both from Electron's file:// page and from the HTTP host.
export const router = createRouter({ history: createWebHashHistory(), routes })

router.beforeEach(async (to) => {
  // A session token never stays in an address (history, a copied link): drop it once seen.
  const adopted = adoptPrintToken(to)
  if (adopted !== 'none') {
    // The print window kept between prints checks the next print's session afresh.
    if (adopted === 'new') useSessionStore().initialized = null
    const { token: _token, ...query } = to.query
    return { ...to, query, replace: true }
  }
  // A desk that is not (or no longer) paired reaches nothing on the shop server but pairing.
  if (to.name === 'pair') return true
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

// A desk the shop server refuses (revoked, never paired) pairs again. A browser forgets its
// credential; the desktop shell keeps pointing at the shop server (its calls are refused) until it
// is paired again or an admin chooses otherwise: falling back to this PC's own database would take
// the counter's jobs and payments into the wrong shop. A desk of another release keeps its pairing:
// once the app on it is updated, it works again as it was.
onDeskProblem((code, details) => {
  if (code === 'DESK_RELEASE_MISMATCH') {
    const { deskRelease, serverRelease } = details as { deskRelease?: string; serverRelease?: string }
    // A browser's page older than its shop server (open across the server's update): the page
    // loaded again is the server's own. Once only, so a page that still differs says why instead.
    if (!window.serviceCenter && reloadOnceFor(serverRelease)) return
    return void router.push({ name: 'pair', query: { deskRelease, serverRelease } })
  }
  if (!window.serviceCenter) void forgetPairing()
  void router.push({ name: 'pair', query: code === 'DESK_REVOKED' ? { revoked: '1' } : {} })
})

function reloadOnceFor(serverRelease: string | undefined): boolean {
  const key = 'service-center.reloaded-for-release'
  if (!serverRelease || sessionStorage.getItem(key) === serverRelease) return false
  sessionStorage.setItem(key, serverRelease)
  window.location.reload()
  return true
}

// The sign-in screen draws with the few Element Plus components loaded with the page; every other
// page waits for the rest (ui/elementPlus.ts), fetched alongside the page's own code once the
// guard above has let the navigation through.
router.beforeEach((to) => {
  if (to.name !== 'sign-in') void fetchAppComponents()
})
router.beforeResolve(async (to) => {
  if (to.name !== 'sign-in') await loadAppComponents()
})
