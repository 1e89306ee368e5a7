import { app as electronApp, type BrowserWindow, dialog, ipcMain, session, type WebContents } from 'electron'
import { openApp, closeApp } from '../../app/openApp'
import { resolveDataDir } from '../../app/dataDir'
import type { AppContext } from '../../app/context'
import { handlers } from '../../rpc/handlers'
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/security'
import { handleIpcCall, RPC_CHANNEL } from './ipcBridge'
import { APP_URL_PREFIX, createMainWindow } from './window'
import { electronPrinting } from './printing'
import { startBackupSchedule } from '../../features/backups/schedule'
import { startSyncSchedule } from '../../features/sync/hq/schedule'
import { safeStorageKeyProvider } from './safeStorageKey'

/** The desktop shell: opens the database, one locked-down window, and the IPC host. */
export function startElectronShell(): void {
  if (!electronApp.requestSingleInstanceLock()) {
    electronApp.quit()
    return
  }
  let mainWindow: BrowserWindow | undefined
  let appContext: AppContext | undefined
  let stopBackups: (() => void) | undefined
  let stopSync: (() => void) | undefined

  electronApp.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })

  electronApp.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })

  void electronApp.whenReady().then(() => {
    try {
      const dataDir = resolveDataDir(process.argv, process.env, electronApp.getPath('userData'))
      appContext = openApp({ dataDir, passcodeKeys: safeStorageKeyProvider(dataDir) })
    } catch (error) {
      // E.g. a database written by a newer version: say so plainly instead of a blank window.
      dialog.showErrorBox('Service Center', error instanceof Error ? error.message : String(error))
      electronApp.quit()
      return
    }
    applySessionPolicy()
    const context = appContext
    stopBackups = startBackupSchedule(context)
    // Sync with HQ in the background of this process, never inside a counter call.
    stopSync = startSyncSchedule(context)
    // The main window and the hidden print window kept ready between prints.
    const trusted = new Set<WebContents>()
    const printing = electronPrinting((window) => {
      trusted.add(window.webContents)
      return () => trusted.delete(window.webContents)
    })
    context.printing = printing
    ipcMain.handle(RPC_CHANNEL, (event, payload: unknown) =>
      handleIpcCall(
        context,
        handlers,
        APP_URL_PREFIX,
        {
          frameUrl: event.senderFrame?.url ?? '',
          fromAppWindow: trusted.has(event.sender)
        },
        payload
      )
    )
    mainWindow = createMainWindow()
    trusted.add(mainWindow.webContents)
    // The print window loads once the main window shows, and closes with it (a hidden window
    // left open would keep the app running).
    mainWindow.once('ready-to-show', () => printing.prepare())
    mainWindow.on('closed', () => printing.dispose())
  })

  electronApp.on('window-all-closed', () => electronApp.quit())
  electronApp.on('will-quit', () => {
    stopBackups?.()
    stopSync?.()
    if (appContext) void closeApp(appContext)
  })
}

function applySessionPolicy(): void {
  const defaultSession = session.defaultSession
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
}
