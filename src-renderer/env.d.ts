/// <reference types="vite/client" />
import type { ServiceCenterBridge } from '../src-shared/bridge'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by the preload). */
    serviceCenter?: ServiceCenterBridge
  }
}
