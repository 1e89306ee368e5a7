/// <reference types="vite/client" />
import type { ServiceCenterBridge } from '../src-shared/bridge'
import type { KeptPrintPage } from './print/keptPage'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare global {
  /**
   * The app's release this page was built as (src-main/app/release.ts, written in by the build):
   * a browser desk names it to the shop server, which refuses a page of another release.
   */
  const __APP_RELEASE__: string | undefined
  interface Window {
    /** Present only inside the Electron shell (exposed by the preload). */
    serviceCenter?: ServiceCenterBridge
    /** Present only in a print page kept ready between documents (print/keptPage.ts). */
    serviceCenterPrintPage?: KeptPrintPage
  }
}
