import { app as electronApp, type BrowserWindow, dialog, ipcMain, session, type WebContents } from 'electron'
import { openApp, closeApp } from '../../app/openApp'
import { resolveDataDir } from '../../app/dataDir'
import type { AppContext } from '../../app/context'
import { handlers } from '../../rpc/handlers'
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/security'
import { RPC_CHANNEL, type IpcSender } from './ipcBridge'
import { CHANGES_CHANNEL, DESK_SETUP_CHANNEL, WATCH_CHANGES_CHANNEL } from '../../../src-shared/bridge'
import { ShellConnection } from './shellConnection'
import type { ChangeStream } from '../desk/changeStream'
import { APP_URL_PREFIX, createMainWindow } from './window'
import { electronPrinting } from './printing'
import { startBackupSchedule } from '../../features/backups/schedule'
import { startSyncSchedule } from '../../features/sync/hq/schedule'
import { safeStorageKeyProvider } from './safeStorageKey'

/**
 * The desktop shell: one locked-down window and the IPC host, which serves the renderer from this
 * PC's own database, or, when this PC is paired as a desk, from the shop server (ShellConnection).
 */
export function startElectronShell(): void {
  if (!electronApp.requestSingleInstanceLock()) {
    electronApp.quit()
    return
  }
  let mainWindow: BrowserWindow | undefined
  let appContext: AppContext | undefined
  let connection: ShellConnection | undefined

  electronApp.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })

  electronApp.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })

  void electronApp.whenReady().then(() => {
    const trusted = new Set<WebContents>()
    const printing = electronPrinting((window) => {
      trusted.add(window.webContents)
      return () => trusted.delete(window.webContents)
    })
    // This PC's own shop, opened when it keeps the data (at start, or when it stops being a desk).
    const openLocal = (dataDir: string) => {
      const context = openApp({ dataDir, passcodeKeys: safeStorageKeyProvider(dataDir) })
      context.printing = printing
      appContext = context
      return context
    }
    // While this PC is its own shop server: backups, and sync with HQ in the background of this
    // process, never inside a counter call. The connection stops them while the PC is a desk.
    const startSchedules = (context: AppContext) => {
      const stopBackups = startBackupSchedule(context)
      const stopSync = startSyncSchedule(context)
      return () => {
        stopBackups()
        stopSync()
      }
    }
    try {
      const dataDir = resolveDataDir(process.argv, process.env, electronApp.getPath('userData'))
      connection = new ShellConnection({
        dataDir,
        handlers,
        appUrlPrefix: APP_URL_PREFIX,
        openLocal: () => openLocal(dataDir),
        startSchedules
      })
    } catch (error) {
      // E.g. a database written by a newer version: say so plainly instead of a blank window.
      dialog.showErrorBox('Service Center', error instanceof Error ? error.message : String(error))
      electronApp.quit()
      return
    }
    applySessionPolicy()
    const shell = connection
    const senderOf = (event: Electron.IpcMainEvent | Electron.IpcMainInvokeEvent): IpcSender => ({
      frameUrl: event.senderFrame?.url ?? '',
      fromAppWindow: trusted.has(event.sender)
    })
    ipcMain.handle(RPC_CHANNEL, (event, payload: unknown) => shell.call(senderOf(event), payload))
    // One live-change stream per window, for the session it names; a new token replaces it.
    const streams = new Map<number, ChangeStream>()
    const stopStream = (id: number) => {
      streams.get(id)?.close()
      streams.delete(id)
    }
    ipcMain.on(WATCH_CHANGES_CHANNEL, (event, token: unknown) => {
      const sender = senderOf(event)
      if (!sender.fromAppWindow || !sender.frameUrl.startsWith(APP_URL_PREFIX)) return
      const contents = event.sender
      stopStream(contents.id)
      if (typeof token !== 'string' || token === '') return
      contents.once('destroyed', () => stopStream(contents.id))
      streams.set(
        contents.id,
        shell.watchChanges(token, (message) => {
          if (!contents.isDestroyed()) contents.send(CHANGES_CHANNEL, message)
        })
      )
    })
    ipcMain.handle(DESK_SETUP_CHANNEL, async (event, payload: unknown) => {
      const result = await shell.deskSetup(senderOf(event), payload)
      // The streams followed the place calls went to before.
      if (result.ok) for (const id of [...streams.keys()]) stopStream(id)
      return result
    })
    mainWindow = createMainWindow()
    trusted.add(mainWindow.webContents)
    // The print window loads once the main window shows, and closes with it (a hidden window
    // left open would keep the app running).
    mainWindow.once('ready-to-show', () => printing.prepare())
    mainWindow.on('closed', () => printing.dispose())
  })

  electronApp.on('window-all-closed', () => electronApp.quit())
  let closing = false
  electronApp.on('will-quit', (event) => {
    connection?.close()
    if (!appContext || closing) return
    // Closing waits for the checkpoint worker's last fold and then closes the database, which
    // takes more than this event's turn: hold the quit until it is done.
    event.preventDefault()
    closing = true
    void closeApp(appContext).finally(() => electronApp.exit())
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
