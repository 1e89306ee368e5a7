import type { Component } from 'vue'
import {
  House,
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
  FolderChecked
} from '@element-plus/icons-vue'
import type { OperationName } from '../../src-shared/contract'

export interface NavigationItem {
  routeName: string
  path: string
  labelKey: string
  icon: Component
  /** The operation the page needs; the item is shown only to roles that may call it. */
  operation?: OperationName
}

/** Only features that exist are listed; later features add their own entries. */
export const navigationItems: NavigationItem[] = [
  { routeName: 'home', path: '/', labelKey: 'nav.home', icon: House },
  { routeName: 'intake', path: '/intake', labelKey: 'nav.intake', icon: EditPen, operation: 'workOrders.create' },
  { routeName: 'warranty', path: '/warranty', labelKey: 'nav.warranty', icon: Checked, operation: 'warranty.lookup' },
  {
    routeName: 'work-orders',
    path: '/work-orders',
    labelKey: 'nav.workOrders',
    icon: Tickets,
    operation: 'workOrders.list'
  },
  { routeName: 'board', path: '/board', labelKey: 'nav.board', icon: Grid, operation: 'workOrders.board' },
  { routeName: 'day-close', path: '/day-close', labelKey: 'nav.dayClose', icon: Wallet, operation: 'dayClose.preview' },
  {
    routeName: 'customers',
    path: '/customers',
    labelKey: 'nav.customers',
    icon: UserFilled,
    operation: 'customers.search'
  },
  { routeName: 'parts', path: '/parts', labelKey: 'nav.parts', icon: Box, operation: 'parts.search' },
  {
    routeName: 'parts-receive',
    path: '/parts/receive',
    labelKey: 'nav.receiving',
    icon: Van,
    operation: 'parts.receive'
  },
  {
    routeName: 'parts-lists',
    path: '/parts/lists',
    labelKey: 'nav.stockLists',
    icon: DataAnalysis,
    operation: 'parts.lowStock'
  },
  {
    routeName: 'parts-issue',
    path: '/parts/issue',
    labelKey: 'nav.issuing',
    icon: Goods,
    operation: 'workOrderParts.openRequests'
  },
  {
    routeName: 'parts-faulty',
    path: '/parts/faulty',
    labelKey: 'nav.faultyParts',
    icon: Promotion,
    operation: 'faultyParts.list'
  },
  {
    routeName: 'parts-stocktakes',
    path: '/parts/stocktakes',
    labelKey: 'nav.stocktakes',
    icon: DocumentChecked,
    operation: 'stocktakes.list'
  },
  {
    routeName: 'approvals',
    path: '/approvals',
    labelKey: 'nav.approvals',
    icon: Stamp,
    operation: 'workOrders.approvals'
  },
  { routeName: 'users', path: '/users', labelKey: 'nav.users', icon: User, operation: 'users.list' },
  { routeName: 'audit', path: '/audit', labelKey: 'nav.audit', icon: Document, operation: 'audit.list' },
  { routeName: 'codes', path: '/codes', labelKey: 'nav.codes', icon: Collection, operation: 'codes.save' },
  { routeName: 'settings', path: '/settings', labelKey: 'nav.settings', icon: Setting, operation: 'settings.update' },
  { routeName: 'backups', path: '/backups', labelKey: 'nav.backups', icon: FolderChecked, operation: 'backups.list' }
]
