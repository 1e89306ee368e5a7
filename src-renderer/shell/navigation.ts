import type { Component } from 'vue'
import { House, User, Setting, Document, EditPen, Tickets, Grid, Stamp, UserFilled, Collection, Checked } from '@element-plus/icons-vue'
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
  { routeName: 'work-orders', path: '/work-orders', labelKey: 'nav.workOrders', icon: Tickets, operation: 'workOrders.list' },
  { routeName: 'board', path: '/board', labelKey: 'nav.board', icon: Grid, operation: 'workOrders.board' },
  { routeName: 'customers', path: '/customers', labelKey: 'nav.customers', icon: UserFilled, operation: 'customers.search' },
  { routeName: 'approvals', path: '/approvals', labelKey: 'nav.approvals', icon: Stamp, operation: 'workOrders.approvals' },
  { routeName: 'users', path: '/users', labelKey: 'nav.users', icon: User, operation: 'users.list' },
  { routeName: 'audit', path: '/audit', labelKey: 'nav.audit', icon: Document, operation: 'audit.list' },
  { routeName: 'codes', path: '/codes', labelKey: 'nav.codes', icon: Collection, operation: 'codes.save' },
  { routeName: 'settings', path: '/settings', labelKey: 'nav.settings', icon: Setting, operation: 'settings.update' }
]
