import { contextBridge, ipcRenderer } from 'electron'
import type { ServiceCenterBridge } from '../../../../src-shared/bridge'

// The only thing the renderer gets: one function that sends a contract call to the main process.
const RPC_CHANNEL = 'service-center:rpc'

const bridge: ServiceCenterBridge = {
  call: (operation, input, token) => ipcRenderer.invoke(RPC_CHANNEL, { operation, input, token })
}

contextBridge.exposeInMainWorld('serviceCenter', bridge)
