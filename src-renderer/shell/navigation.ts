import type { Component } from 'vue'
import {
  House,
  Connection,
  User,
  Setting,
  Document,
  EditPen,
  Tickets,
  Grid,
  Stamp,
  UserFilled,
  Collection,
  Checked,
  Box,
  Van,
  DataAnalysis,
  Goods,
  Promotion,
  DocumentChecked,
  Wallet,
  ShoppingCart,
  FolderChecked,
  Phone,
  Refresh,
  TrendCharts
} from '@element-plus/icons-vue'
import type { OperationName } from '../../src-shared/contract'

/** The desks of a shop, in the order the sidebar shows them: each entry belongs to one. */
export const DESKS = ['frontDesk', 'workshop', 'warehouse', 'cash', 'admin'] as const
export type Desk = (typeof DESKS)[number]

export interface NavigationItem {
  routeName: string
  /** The desk whose group lists the entry; the home page stands above every group. */
  desk?: Desk
  path: string
  labelKey: string
  icon: Component
  /** The operation the page needs; the item is shown only to roles that may call it. */
  operation?: OperationName
  /** Pages outside `path` that belong to the entry: it is highlighted and names them too. */
  also?: string[]
  /** The function key that opens the page from anywhere in the app (the busiest screens only). */
  functionKey?: FunctionKey
}

/** The function keys the app takes; any other stays the browser's (F5 reloads, F11 goes full screen). */
export type FunctionKey = 'F1' | 'F2' | 'F3' | 'F4' | 'F6'

/** Only features that exist are listed; later features add their own entries. */
export const navigationItems: NavigationItem[] = [
  { routeName: 'home', path: '/', labelKey: 'nav.home', icon: House },
  {
    routeName: 'intake',
    desk: 'frontDesk',
    path: '/intake',
    labelKey: 'nav.intake',
    icon: EditPen,
    operation: 'workOrders.create',
    functionKey: 'F1'
  },
  {
    routeName: 'warranty',
    desk: 'frontDesk',
    path: '/warranty',
    labelKey: 'nav.warranty',
    icon: Checked,
    operation: 'warranty.lookup',
    functionKey: 'F2'
  },
  {
    routeName: 'work-orders',
    desk: 'frontDesk',
    path: '/work-orders',
    labelKey: 'nav.workOrders',
    icon: Tickets,
    operation: 'workOrders.list',
    functionKey: 'F3',
    // An invoice or a credit note belongs to its work order.
    also: ['/invoices']
  },
  {
    routeName: 'board',
    desk: 'workshop',
    path: '/board',
    labelKey: 'nav.board',
    icon: Grid,
    operation: 'workOrders.board'
  },
  {
    routeName: 'day-close',
    desk: 'cash',
    path: '/day-close',
    labelKey: 'nav.dayClose',
    icon: Wallet,
    operation: 'dayClose.preview',
    functionKey: 'F6'
  },
  {
    routeName: 'claims',
    desk: 'cash',
    path: '/claims',
    labelKey: 'nav.claims',
    icon: Tickets,
    operation: 'checkout.claims'
  },
  {
    routeName: 'counter-sale',
    desk: 'cash',
    path: '/counter-sale',
    labelKey: 'nav.counterSale',
    icon: ShoppingCart,
    operation: 'counterSales.sell',
    functionKey: 'F4'
  },
  {
    routeName: 'customers',
    desk: 'frontDesk',
    path: '/customers',
    labelKey: 'nav.customers',
    icon: UserFilled,
    operation: 'customers.search'
  },
  {
    routeName: 'follow-ups',
    desk: 'frontDesk',
    path: '/follow-ups',
    labelKey: 'nav.followUps',
    icon: Phone,
    operation: 'customerContact.followUps',
    // Complaints are opened from the follow-up calls (and by them).
    also: ['/complaints']
  },
  {
    routeName: 'parts',
    desk: 'warehouse',
    path: '/parts',
    labelKey: 'nav.parts',
    icon: Box,
    operation: 'parts.search'
  },
  {
    routeName: 'parts-receive',
    desk: 'warehouse',
    path: '/parts/receive',
    labelKey: 'nav.receiving',
    icon: Van,
    operation: 'parts.receive'
  },
  {
    routeName: 'parts-lists',
    desk: 'warehouse',
    path: '/parts/lists',
    labelKey: 'nav.stockLists',
    icon: DataAnalysis,
    operation: 'parts.lowStock'
  },
  {
    routeName: 'parts-issue',
    desk: 'warehouse',
    path: '/parts/issue',
    labelKey: 'nav.issuing',
    icon: Goods,
    operation: 'workOrderParts.openRequests'
  },
  {
    routeName: 'parts-faulty',
    desk: 'warehouse',
    path: '/parts/faulty',
    labelKey: 'nav.faultyParts',
    icon: Promotion,
    operation: 'faultyParts.list'
  },
  {
    routeName: 'parts-stocktakes',
    desk: 'warehouse',
    path: '/parts/stocktakes',
    labelKey: 'nav.stocktakes',
    icon: DocumentChecked,
    operation: 'stocktakes.list'
  },
  {
    routeName: 'approvals',
    desk: 'workshop',
    path: '/approvals',
    labelKey: 'nav.approvals',
    icon: Stamp,
    operation: 'workOrders.approvals'
  },
  { routeName: 'users', desk: 'admin', path: '/users', labelKey: 'nav.users', icon: User, operation: 'users.list' },
  { routeName: 'audit', desk: 'admin', path: '/audit', labelKey: 'nav.audit', icon: Document, operation: 'audit.list' },
  {
    routeName: 'codes',
    desk: 'admin',
    path: '/codes',
    labelKey: 'nav.codes',
    icon: Collection,
    operation: 'codes.save'
  },
  {
    routeName: 'settings',
    desk: 'admin',
    path: '/settings',
    labelKey: 'nav.settings',
    icon: Setting,
    operation: 'settings.update'
  },
  {
    routeName: 'reports',
    desk: 'admin',
    path: '/reports',
    labelKey: 'nav.reports',
    icon: TrendCharts,
    operation: 'reports.run'
  },
  {
    routeName: 'backups',
    desk: 'admin',
    path: '/backups',
    labelKey: 'nav.backups',
    icon: FolderChecked,
    operation: 'backups.list'
  },
  {
    routeName: 'sync',
    desk: 'admin',
    path: '/sync',
    labelKey: 'nav.sync',
    icon: Refresh,
    operation: 'sync.status'
  },
  {
    routeName: 'shop-network',
    desk: 'admin',
    path: '/shop-network',
    labelKey: 'nav.shopNetwork',
    icon: Connection,
    operation: 'desks.list'
  }
]
