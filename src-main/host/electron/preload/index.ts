import { contextBridge, ipcRenderer } from 'electron'
import { RPC_CHANNEL, type ServiceCenterBridge } from '../../../../src-shared/bridge'

// The only thing the renderer gets: one function that sends a contract call to the main process.

const bridge: ServiceCenterBridge = {
  call: (operation, input, token) => ipcRenderer.invoke(RPC_CHANNEL, { operation, input, token })
}

contextBridge.exposeInMainWorld('serviceCenter', bridge)
