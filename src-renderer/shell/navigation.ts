import type { Component } from 'vue'
import { House, User, Setting, Document } from '@element-plus/icons-vue'
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
  { routeName: 'users', path: '/users', labelKey: 'nav.users', icon: User, operation: 'users.list' },
  { routeName: 'audit', path: '/audit', labelKey: 'nav.audit', icon: Document, operation: 'audit.list' },
  { routeName: 'settings', path: '/settings', labelKey: 'nav.settings', icon: Setting, operation: 'settings.update' }
]
