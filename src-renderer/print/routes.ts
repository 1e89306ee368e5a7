import { defineComponent } from 'vue'
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'
import { PRINT_STANDBY_ROUTE } from '../../src-shared/domain/paper'
import { readToken, saveToken } from '../api/token'
import { fetchAppComponents } from '../ui/elementPlus'

/**
 * The print route: a document drawn on its paper, outside the app shell (no navigation, no
 * header), for the preview and for the desktop shell's hidden print window alike.
 * `/print/<documentType>/<entityId>?paper=<paper>&print=<n>` — see printRoute in domain/paper.
 */
const PrintView = () => import('./PrintView.vue')
// A window opened on a print route (the desktop shell's print window) fetches the page's code
// while the session is still being checked, not after.
if (window.location.hash.startsWith('#/print/') || window.location.hash === `#${PRINT_STANDBY_ROUTE}`) {
  void PrintView()
  void fetchAppComponents()
}

/** The kept print page between documents: nothing on it. */
const PrintStandby = defineComponent({ name: 'PrintStandby', render: () => null })

export const printRoutes: RouteRecordRaw[] = [
  { path: PRINT_STANDBY_ROUTE, name: 'print-standby', component: PrintStandby, meta: { public: true } },
  {
    path: '/print/:documentType/:entityId',
    name: 'print',
    component: PrintView,
    props: true,
    meta: { operation: 'printing.count' }
  }
]

/**
 * The desktop shell's hidden print window has a session storage of its own, so the caller's
 * session token travels in the print route's query. It is adopted only inside the desktop app
 * (whose windows cannot be navigated from outside) and only by a window that holds no session,
 * or by the print window itself, kept between prints, when the next print comes from another
 * session; a browser tab never takes a session from a link. The caller removes it from the
 * address. Says whether the route carried a token, and whether this window took a new session.
 */
export function adoptPrintToken(to: RouteLocationNormalized): 'none' | 'same' | 'new' {
  const token = to.query.token
  if (to.name !== 'print' || typeof token !== 'string' || token === '') return 'none'
  const held = readToken()
  if (window.serviceCenter && (!held || shellPrintWindow) && token !== held) {
    saveToken(token)
    shellPrintWindow = true
    return 'new'
  }
  return 'same'
}

let shellPrintWindow = false

/** Whether this window is the desktop shell's hidden print window (it shows the paper alone). */
export function isShellPrintWindow(): boolean {
  return shellPrintWindow
}
