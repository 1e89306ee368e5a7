import { contextBridge, ipcRenderer } from 'electron'
import {
  CHANGES_CHANNEL,
  DESK_SETUP_CHANNEL,
  RPC_CHANNEL,
  WATCH_CHANGES_CHANNEL,
  type LiveChangeMessage,
  type ServiceCenterBridge
} from '../../../../src-shared/bridge'

// What the renderer gets: contract calls, the live changes of its session, and the choice of
// where this PC's calls go (its own data or a shop server). Nothing else of Node or Electron.

const bridge: ServiceCenterBridge = {
  call: (operation, input, token, requestId) => ipcRenderer.invoke(RPC_CHANNEL, { operation, input, token, requestId }),
  watchChanges: (token, listener) => {
    const relay = (_event: unknown, message: LiveChangeMessage) => listener(message)
    ipcRenderer.on(CHANGES_CHANNEL, relay)
    ipcRenderer.send(WATCH_CHANGES_CHANNEL, token)
    return () => {
      ipcRenderer.removeListener(CHANGES_CHANNEL, relay)
      ipcRenderer.send(WATCH_CHANGES_CHANNEL, null)
    }
  },
  deskSetup: (request) => ipcRenderer.invoke(DESK_SETUP_CHANNEL, request)
}

contextBridge.exposeInMainWorld('serviceCenter', bridge)
